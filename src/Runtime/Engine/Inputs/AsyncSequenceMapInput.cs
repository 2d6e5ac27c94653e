using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MapReduceGen.Engine.Local;

namespace MapReduceGen.Engine.Inputs;

/// <summary>
/// Inputs from an <see cref="IAsyncEnumerable{T}"/>: a producer awaits the sequence and writes batches of
/// <c>ChunkSize</c> inputs into a bounded channel (so memory stays bounded); the map workers await batches and map
/// them; a partial batch is handed over whenever the sequence makes the producer wait, so an input never waits in the
/// producer for the next one. Nothing blocks a thread: a run over a slow sequence holds no pool thread while it waits, so it cannot starve
/// the pool that the sequence's own continuations need. When the run is cancelled or fails, the workers stop awaiting
/// at once and the run ends; the producer is cancelled too but is not waited for, so a sequence that ignores its
/// token cannot keep the run from returning.
/// </summary>
internal sealed class AsyncSequenceMapInput<TInput> : MapInput<TInput>
{
    private const int DefaultChunkSize = 256;

    private readonly IAsyncEnumerable<TInput> _inputs;
    private readonly int _chunkSize;
    private readonly CancellationTokenSource _stop = new();
    private Channel<Batch>? _channel;
    private int _started;

    public AsyncSequenceMapInput(IAsyncEnumerable<TInput> inputs, MapReduceOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        _inputs = inputs;
        _chunkSize = options.ChunkSize > 0 ? options.ChunkSize : DefaultChunkSize;
    }

    public override bool IsAsync => true;

    public override int PlanWorkers(int maximum)
    {
        _channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(Math.Max(2, maximum * 2))
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        return Math.Max(1, maximum);
    }

    public override void RunWorker(int workerIndex, IInputMapper<TInput> worker, RunState state) =>
        throw new NotSupportedException("An asynchronous sequence is mapped with RunWorkerAsync.");

    public override async Task RunWorkerAsync(int workerIndex, IInputMapper<TInput> worker, RunState state)
    {
        Channel<Batch> channel = _channel ?? throw new InvalidOperationException("PlanWorkers was not called.");
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            // One producer per run, started by the first worker; deliberately not awaited by anyone (see the class).
            _ = ProduceAsync(channel.Writer, state);
        }

        CancellationToken stop = state.StopToken;
        try
        {
            while (await channel.Reader.WaitToReadAsync(stop).ConfigureAwait(false))
            {
                while (!state.StopRequested && channel.Reader.TryRead(out Batch batch))
                {
                    try
                    {
                        worker.MapChunk(batch.Items.AsSpan(0, batch.Count), batch.FirstIndex);
                    }
                    finally
                    {
                        ArrayPool<TInput>.Shared.Return(batch.Items, RuntimeHelpers.IsReferenceOrContainsReferences<TInput>());
                    }
                }

                if (state.StopRequested)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run was cancelled or failed: the run state says which.
        }
    }

    public override void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        base.Dispose();
    }

    private async Task ProduceAsync(ChannelWriter<Batch> writer, RunState state)
    {
        long next = 0;
        TInput[]? items = null;
        int count = 0;
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(state.StopToken, _stop.Token);
            CancellationToken token = stop.Token;
            IAsyncEnumerator<TInput> inputs = _inputs.GetAsyncEnumerator(token);
            ValueTask<bool> moving = default;
            bool pending = false;
            try
            {
                while (true)
                {
                    moving = inputs.MoveNextAsync();
                    pending = true;
                    if (!moving.IsCompleted && count > 0)
                    {
                        // The sequence makes us wait: hand the workers what we have rather than let it wait with us.
                        await writer.WriteAsync(new Batch(items!, count, next - count), token).ConfigureAwait(false);
                        items = null;
                        count = 0;
                    }

                    pending = false;
                    if (!await moving.ConfigureAwait(false))
                    {
                        break;
                    }

                    items ??= ArrayPool<TInput>.Shared.Rent(_chunkSize);
                    items[count++] = inputs.Current;
                    next++;
                    if (count == _chunkSize)
                    {
                        await writer.WriteAsync(new Batch(items, count, next - count), token).ConfigureAwait(false);
                        items = null;
                        count = 0;
                    }

                    if (state.StopRequested)
                    {
                        return;
                    }
                }
            }
            finally
            {
                // An asynchronous iterator cannot be disposed while a MoveNextAsync is under way (it throws
                // NotSupportedException): when the run stopped while the sequence was still producing the next input
                // (cancelled, or failed, while the workers' buffer was full), let that call end first (its token is
                // cancelled; one that ignores it keeps this producer, which nobody waits for).
                if (pending)
                {
                    try
                    {
                        await moving.ConfigureAwait(false);
                    }
                    catch (Exception) when (state.StopRequested || _stop.IsCancellationRequested)
                    {
                        // The run is over; what the sequence says now changes nothing.
                    }
                }

                await inputs.DisposeAsync().ConfigureAwait(false);
            }

            if (count > 0)
            {
                await writer.WriteAsync(new Batch(items!, count, next - count), token).ConfigureAwait(false);
                items = null;
            }
        }
        catch (OperationCanceledException) when (state.StopRequested || _stop.IsCancellationRequested)
        {
            // The run is over; the sequence noticed.
        }
        catch (ObjectDisposedException) when (_stop.IsCancellationRequested)
        {
            // The run ended (and disposed its token) while the sequence was still running.
        }
        catch (Exception ex) when (!state.StopRequested)
        {
            // The sequence failed: what was mapped is only part of the input, so the run fails.
            state.Fail(MapReduceException.ForSource(state.JobName, next, ex));
        }
        catch (Exception)
        {
            // The run was already cancelled or failed: it ends as that says, whatever the sequence did since.
        }
        finally
        {
            if (items is not null)
            {
                ArrayPool<TInput>.Shared.Return(items, RuntimeHelpers.IsReferenceOrContainsReferences<TInput>());
            }

            writer.TryComplete();
        }
    }

    private readonly record struct Batch(TInput[] Items, int Count, long FirstIndex);
}
