using System.Threading.Channels;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Output;

/// <summary>
/// Hands a run's output to the caller part by part (<c>StreamAsync</c>): partitions in index order, each in parts of at
/// most <see cref="PartSize"/> keys or records in its output order, the last part of each marked (a partition without
/// keys is one empty last part). A partition's parts wait in a small bounded queue, so reduce workers stop when the
/// caller falls behind: the run holds a few parts per worker, never the whole output.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TResult">The result or record type.</typeparam>
/// <typeparam name="TPart">What the caller receives: a <see cref="MapReducePartition{TKey, TResult}"/> or a <see cref="MapReduceRecordPartition{TRecord}"/>.</typeparam>
internal sealed class StreamDelivery<TKey, TResult, TPart>(
    Func<int, int, List<KeyValuePair<TKey, TResult>>, List<TResult>, bool, TPart> makePart, CancellationToken stop)
    : PartitionDelivery<TKey, TResult>
{
    /// <summary>Keys (or records) in one part.</summary>
    public const int PartSize = 8192;

    private readonly TaskCompletionSource<Channel<TPart>[]> _begun = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<int, int, List<KeyValuePair<TKey, TResult>>, List<TResult>, bool, TPart> _makePart = makePart;
    private readonly CancellationToken _stop = stop;
    private Channel<TPart>[] _partitions = [];

    public override bool Blocks => true;

    public override void Begin(int partitions)
    {
        _partitions = [.. Enumerable.Range(0, partitions).Select(_ =>
            Channel.CreateBounded<TPart>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true }))];
        _begun.TrySetResult(_partitions);
    }

    public override PartitionOutput<TStored, TResult> Open<TStored>(int partition) => new Output<TStored>(this, partition);

    public override void Fail(Exception failure)
    {
        _begun.TrySetException(failure);
        foreach (Channel<TPart> channel in _partitions)
        {
            channel.Writer.TryComplete(failure);
        }
    }

    /// <summary>Every part, partitions in order; throws what the run threw.</summary>
    public async IAsyncEnumerable<TPart> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (Channel<TPart> channel in await _begun.Task.WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            await foreach (TPart part in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return part;
            }
        }
    }

    private void Push(int partition, TPart part)
    {
        ChannelWriter<TPart> writer = _partitions[partition].Writer;
        if (!writer.TryWrite(part))
        {
            // Reduce workers run on threads of their own when output is streamed: waiting here blocks no pool thread.
            writer.WriteAsync(part, _stop).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>One partition's parts: a full part goes out when the next key arrives, so the last part is always known.</summary>
    private sealed class Output<TStored>(StreamDelivery<TKey, TResult, TPart> delivery, int partition) : PartitionOutput<TStored, TResult>
    {
        private List<KeyValuePair<TKey, TResult>> _entries = [];
        private List<TResult> _records = [];

        public override void Write(in TStored key, int stableHash, TResult result)
        {
            if (_entries.Count == PartSize)
            {
                delivery.Push(partition, delivery._makePart(partition, delivery._partitions.Length, _entries, _records, false));
                _entries = [];
            }

            _entries.Add(new(StoredKeys.ToKey<TKey, TStored>(key), result));
        }

        public override void WriteRecords(List<TResult> records)
        {
            foreach (TResult record in records)
            {
                if (_records.Count == PartSize)
                {
                    delivery.Push(partition, delivery._makePart(partition, delivery._partitions.Length, _entries, _records, false));
                    _records = [];
                }

                _records.Add(record);
            }
        }

        public override void Complete(long keys)
        {
            delivery.Push(partition, delivery._makePart(partition, delivery._partitions.Length, _entries, _records, true));
            delivery._partitions[partition].Writer.TryComplete();
        }
    }
}
