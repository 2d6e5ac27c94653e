using MapReduceGen.Engine;
using TaskFailure = MapReduceGen.Orleans.Wire.TaskFailure;
using System.Diagnostics;
using MapReduceGen.Orleans.Jobs;
using MapReduceGen.Orleans.Placement;
using MapReduceGen.Orleans.Wire;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Grains;

/// <summary>
/// One partition's reduce task. It pulls its partition of every map output from the map task's grain, at most
/// <see cref="ReduceTaskRequest.MaxParallelFetches"/> outputs at a time and one bounded chunk per call (the holder
/// never pushes, so a slow reducer only slows its own fetches: back-pressure by construction). Each map task's output
/// is merged at most once, by task id, so a re-executed map task is never counted twice. State changes happen on the
/// grain's scheduler; decoding runs on the thread pool and the final reduce on a dedicated thread, so polls are
/// answered throughout.
/// </summary>
[TaskPlacement]
[Reentrant]
internal sealed partial class ReduceTaskGrain(
    ClusterJobRegistry registry, Serializer serializer, ILocalSiloDetails siloDetails, ILogger<ReduceTaskGrain> logger)
    : Grain, IReduceTaskGrain, IDisposable
{
    private readonly Dictionary<int, Source> _sources = [];
    private readonly Queue<Source> _pending = new();
    private readonly Stopwatch _clock = new();
    private ReduceTaskRequest? _request;
    private PartitionReducer? _state;
    private CancellationTokenSource? _cancel;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<ReduceTaskResult>? _work;
    private Activity? _span;
    private ReduceTaskResult? _outcome;
    private TaskFailure? _fault;
    private int _total = -1;
    private int _merged;
    private int _fetching;
    private long _fetchedBytes;
    private TimeSpan _fetchTime;

    private enum SourceStatus
    {
        Pending,
        Fetching,
        Merged,
        Lost,
    }

    private string Silo => siloDetails.SiloAddress.ToString();

    public Task<ReduceTaskReport> Start(ReduceTaskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_request is null)
        {
            if (!registry.TryGet(request.JobName, out var job))
            {
                return Task.FromResult(Faulted(registry.NotRegistered(request.JobName, Silo)));
            }

            if (job.CheckSerializable(serializer, textInput: true) is { } problem)
            {
                return Task.FromResult(Faulted(problem));
            }

            _request = request;
            _state = job.CreateReducer(request, new OrleansPayloadCodec(serializer));
            _cancel = new CancellationTokenSource();
            _clock.Start();
            // The task's span (fetches and reduce) continues the coordinator's trace; it ends with the reduce.
            _span = RunTelemetry.StartRemoteTask(request.JobName, MapReducePhase.Reduce, request.Partition, request.Attempt, request.TraceParent, request.TraceState);
            _span?.SetTag("mapreducegen.silo", Silo);
        }

        return Task.FromResult(Report());
    }

    public Task<ReduceTaskReport> AddSources(MapOutputLocation[] sources, int mapTaskCount)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (_request is null)
        {
            DeactivateOnIdle();
            return Task.FromResult(new ReduceTaskReport { State = TaskState.Lost, Silo = Silo });
        }

        foreach (var location in sources)
        {
            if (!_sources.TryGetValue(location.TaskId, out var source))
            {
                source = new Source(location);
                _sources.Add(location.TaskId, source);
                _pending.Enqueue(source);
            }
            else if (source.Status is not SourceStatus.Merged && location.Attempt > source.Latest.Attempt)
            {
                // The map task ran again (its output was lost): fetch from the new attempt.
                source.Latest = location;
                if (source.Status == SourceStatus.Lost)
                {
                    source.Status = SourceStatus.Pending;
                    _pending.Enqueue(source);
                }
            }
        }

        if (mapTaskCount >= 0)
        {
            _total = mapTaskCount;
        }

        Pump();
        return Task.FromResult(Report());
    }

    public async Task<ReduceTaskReport> Poll(TimeSpan wait)
    {
        if (_request is null)
        {
            DeactivateOnIdle();
            return new ReduceTaskReport { State = TaskState.Lost, Silo = Silo };
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var report = Report();
            if (report.State != TaskState.Running || report.LostOutputs.Length > 0)
            {
                return report;
            }

            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero)
            {
                return report;
            }

            Task news = _work ?? _changed.Task;
            await news.WaitAsync(remaining).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }
    }

    public Task<DataChunk> FetchResult(long offset, int maxBytes)
    {
        if (_outcome is not { Failure: null, File: null } outcome)
        {
            return Task.FromResult(DataChunk.Missing(Silo));
        }

        ReadOnlyMemory<byte> data = outcome.Output;

        DelayDeactivation(_request!.IdleTimeout > TimeSpan.Zero ? _request.IdleTimeout : TimeSpan.FromMinutes(10));
        long start = Math.Clamp(offset, 0, data.Length);
        int length = (int)Math.Min(Math.Max(maxBytes, 1), data.Length - start);
        return Task.FromResult(new DataChunk
        {
            Found = true, Data = data.Span.Slice((int)start, length).ToArray(), TotalBytes = data.Length, Silo = Silo,
        });
    }

    public Task Release()
    {
        _cancel?.Cancel();
        EndSpan("released before it completed");
        _state?.Dispose();
        _state = null;
        _outcome = null;
        _sources.Clear();
        _pending.Clear();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _cancel?.Cancel();
        EndSpan("deactivated before it completed");
        _state?.Dispose();
        _state = null;
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public void Dispose() => _cancel?.Dispose();

    // Starts fetches while there is room, then the reduce once every map task's output is in.
    private void Pump()
    {
        if (_request is null || _state is null || _cancel is null || _cancel.IsCancellationRequested)
        {
            return;
        }

        while (_fetching < Math.Max(1, _request.MaxParallelFetches) && _pending.TryDequeue(out var source))
        {
            if (source.Status != SourceStatus.Pending)
            {
                continue;
            }

            if (source.Latest.Bytes == 0)
            {
                // The map task has nothing for this partition: nothing to fetch, and its silo need not be alive.
                source.Status = SourceStatus.Merged;
                _merged++;
                continue;
            }

            source.Status = SourceStatus.Fetching;
            _fetching++;
            _ = FetchAsync(source, source.Latest, _cancel.Token);
        }

        if (_work is null && _fault is null && _total >= 0 && _merged >= _total && _fetching == 0)
        {
            var request = _request;
            var state = _state;
            var token = _cancel.Token;
            _fetchTime = _clock.Elapsed;
            PartitionFileTarget? file = request.File is { } spec
                ? new PartitionFileTarget(spec.WorkDirectory, (MapReduceFileFormat)spec.Format, $"{request.RunId}-{request.Attempt}")
                : null;
            Activity? span = _span;
            _span = null;
            span?.SetTag("mapreducegen.shuffle.bytes", _fetchedBytes).SetTag("mapreducegen.map_outputs", _merged);
            _work = Task.Factory.StartNew(
                () => Complete(state, file, span, token),
                token,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            Signal();
        }
    }

    // The reduce, on its own thread; the task's span ends with it.
    private static ReduceTaskResult Complete(PartitionReducer state, PartitionFileTarget? file, Activity? span, CancellationToken token)
    {
        if (span is not null)
        {
            Activity.Current = span;
        }

        string? error = "the task was stopped";
        try
        {
            ReduceTaskResult result = state.Complete(file, token);
            error = result.Failure?.Message;
            span?.SetTag("mapreducegen.keys", result.Count);
            return result;
        }
        finally
        {
            RunTelemetry.EndTask(span, error);
        }
    }

    private void EndSpan(string reason)
    {
        RunTelemetry.EndTask(_span, reason);
        _span = null;
    }

    private async Task FetchAsync(Source source, MapOutputLocation location, CancellationToken token)
    {
        try
        {
            byte[] encoded = await FetchAllAsync(location, token);
            var state = _state ?? throw new OperationCanceledException(token);
            await Task.Run(() => state.Add(location.TaskId, encoded), token);
            source.Status = SourceStatus.Merged;
            _merged++;
            _fetchedBytes += encoded.Length;
        }
        catch (Exception e) when (!token.IsCancellationRequested)
        {
            if (e is InvalidDataException)
            {
                _fault = TaskFailure.Configuration($"A map output of map task {location.TaskId} is corrupt: {e.Message}");
            }

            LogFetchFailed(logger, _request?.Partition ?? -1, location.TaskId, location.Attempt, location.Silo, e.GetType().Name, e.Message);
            if (source.Latest.Attempt > location.Attempt)
            {
                source.Status = SourceStatus.Pending;
                _pending.Enqueue(source);
            }
            else
            {
                source.Status = SourceStatus.Lost;
            }
        }
        catch (Exception)
        {
            // The task was released: nothing to do.
        }
        finally
        {
            _fetching--;
            Signal();
            Pump();
        }
    }

    // The partition of one map output, chunk by chunk: one call at a time, each at most FetchChunkBytes, so the holder
    // never sends more than this task has asked for.
    private async Task<byte[]> FetchAllAsync(MapOutputLocation location, CancellationToken token)
    {
        var request = _request!;
        var grain = GrainFactory.GetGrain<IMapTaskGrain>(location.GrainKey);
        var buffer = new byte[location.Bytes];
        long offset = 0;
        while (offset < buffer.Length)
        {
            DataChunk chunk = await CallAsync(() => grain.Fetch(request.Partition, offset, request.FetchChunkBytes), token);
            if (!chunk.Found)
            {
                throw new MapOutputLostException($"map output {location.GrainKey} is gone (a fresh activation on {chunk.Silo} answered)");
            }

            if (chunk.TotalBytes != buffer.Length || chunk.Data.Length == 0 || offset + chunk.Data.Length > buffer.Length)
            {
                throw new InvalidDataException(
                    $"map output {location.GrainKey} has {chunk.TotalBytes} bytes for partition {request.Partition}, not {buffer.Length}");
            }

            chunk.Data.CopyTo(buffer, offset);
            offset += chunk.Data.Length;
        }

        return buffer;
    }

    // One call with the fetch timeout, tried once more on another route before the output counts as lost: a call in
    // flight when some silo died can be lost even when the holder is alive.
    private async Task<DataChunk> CallAsync(Func<Task<DataChunk>> call, CancellationToken token)
    {
        var timeout = _request!.FetchTimeout > TimeSpan.Zero ? _request.FetchTimeout : TimeSpan.FromSeconds(5);
        try
        {
            return await call().WaitAsync(timeout, token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
        {
            return await call().WaitAsync(timeout, token);
        }
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private ReduceTaskReport Report()
    {
        if (_fault is not null)
        {
            return new ReduceTaskReport { State = TaskState.Faulted, Failure = _fault, Silo = Silo };
        }

        if (_work is { IsCompleted: true } work && _outcome is null)
        {
            if (!work.IsCompletedSuccessfully)
            {
                var error = work.Exception?.GetBaseException();
                _fault = TaskFailure.Configuration(
                    error is null ? "The reduce task was cancelled." : $"The reduce task failed: {error.GetType().Name}: {error.Message}");
                return Report();
            }

            _outcome = work.Result;
            _state = null;
            DelayDeactivation(_request!.IdleTimeout > TimeSpan.Zero ? _request.IdleTimeout : TimeSpan.FromMinutes(10));
            LogCompleted(
                logger, _request.Partition, Silo, _merged, _fetchedBytes, _fetchTime.TotalMilliseconds,
                (_clock.Elapsed - _fetchTime).TotalMilliseconds, _outcome.Count);
        }

        if (_outcome is { } outcome)
        {
            return new ReduceTaskReport
            {
                State = outcome.Failure is null ? TaskState.Completed : TaskState.Failed,
                Failure = outcome.Failure is { } failure ? TaskFailure.From(failure) : null,
                ResultBytes = outcome.Output.Length,
                KeyCount = outcome.Count,
                FilePath = outcome.File?.Path,
                FileBytes = outcome.File?.Bytes ?? 0,
                Merged = _merged,
                FetchedBytes = _fetchedBytes,
                Silo = Silo,
                Counters = outcome.Counters.Count > 0 ? new Dictionary<string, long>(outcome.Counters) : null,
                BytesSpilled = outcome.BytesSpilled,
            };
        }

        var lost = new List<MapOutputLocation>();
        foreach (var source in _sources.Values)
        {
            if (source.Status == SourceStatus.Lost)
            {
                lost.Add(source.Latest);
            }
        }

        return new ReduceTaskReport
        {
            State = TaskState.Running, LostOutputs = [.. lost], Merged = _merged, FetchedBytes = _fetchedBytes, Silo = Silo,
        };
    }

    private ReduceTaskReport Faulted(string message) =>
        new() { State = TaskState.Faulted, Failure = TaskFailure.Configuration(message), Silo = Silo };

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning,
        Message = "Reduce task of partition {Partition} could not fetch the output of map task {Task} (attempt {Attempt}) from {Silo}: {Error}: {Reason}")]
    private static partial void LogFetchFailed(ILogger logger, int partition, int task, int attempt, string silo, string error, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug,
        Message = "Reduce task of partition {Partition} completed on {Silo}: {Merged} map outputs, {Bytes} bytes fetched in {FetchMilliseconds:F0} ms, reduced in {ReduceMilliseconds:F0} ms to {Keys} keys")]
    private static partial void LogCompleted(
        ILogger logger, int partition, string silo, int merged, long bytes, double fetchMilliseconds, double reduceMilliseconds, long keys);

    private sealed class Source(MapOutputLocation latest)
    {
        public MapOutputLocation Latest { get; set; } = latest;

        public SourceStatus Status { get; set; }
    }
}

/// <summary>A map output a reduce task needs is gone: its holder's activation was lost with its silo.</summary>
internal sealed class MapOutputLostException : Exception
{
    public MapOutputLostException()
    {
    }

    public MapOutputLostException(string message)
        : base(message)
    {
    }

    public MapOutputLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
