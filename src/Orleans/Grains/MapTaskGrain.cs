using System.Diagnostics;
using MapReduceGen.Engine;
using TaskFailure = MapReduceGen.Orleans.Wire.TaskFailure;
using MapReduceGen.Orleans.Jobs;
using MapReduceGen.Orleans.Placement;
using MapReduceGen.Orleans.Wire;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Grains;

/// <summary>
/// Runs a map task with the job registered on this silo and keeps its output here (the MapReduce paper's map worker
/// keeping its output on local disk): the coordinator learns only the size of each partition; reduce tasks fetch the
/// partitions silo to silo. The work runs on a dedicated thread, off the grain's scheduler, so polls and fetches are
/// answered while it runs (a poll is the coordinator's heartbeat); placement spreads the tasks of a run randomly over
/// the silos the coordinator does not suspect.
/// </summary>
[TaskPlacement]
[Reentrant]
internal sealed partial class MapTaskGrain(
    ClusterJobRegistry registry, Serializer serializer, ILocalSiloDetails siloDetails, ILogger<MapTaskGrain> logger)
    : Grain, IMapTaskGrain, IDisposable
{
    private Task<MapTaskResult>? _work;
    private CancellationTokenSource? _cancel;
    private MapTaskResult? _output;
    private TimeSpan _idleTimeout = TimeSpan.FromMinutes(10);
    private bool _released;

    private string Silo => siloDetails.SiloAddress.ToString();

    public Task<MapTaskReport> Start(MapTaskRequest request, TimeSpan outputIdleTimeout)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_work is null && !_released)
        {
            if (!registry.TryGet(request.JobName, out var job))
            {
                return Task.FromResult(Faulted(registry.NotRegistered(request.JobName, Silo)));
            }

            if (job.CheckSerializable(serializer, textInput: request.Split is not null) is { } problem)
            {
                return Task.FromResult(Faulted(problem));
            }

            _idleTimeout = outputIdleTimeout > TimeSpan.Zero ? outputIdleTimeout : _idleTimeout;
            _cancel = new CancellationTokenSource();
            var token = _cancel.Token;
            // A dedicated thread, not a pool thread: CPU-bound tasks must not starve the pool that Orleans itself
            // (and so the answers to polls) runs on.
            string silo = Silo;
            _work = Task.Factory.StartNew(
                () => RunMap(job, request, new OrleansPayloadCodec(serializer), silo, token), token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        return Task.FromResult(new MapTaskReport { State = _released ? TaskState.Lost : TaskState.Running, Silo = Silo });
    }

    public async Task<MapTaskReport> Poll(TimeSpan wait)
    {
        if (_work is null || _released)
        {
            DeactivateOnIdle();
            return new MapTaskReport { State = TaskState.Lost, Silo = Silo };
        }

        await ((Task)_work).WaitAsync(wait).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        if (!_work.IsCompleted)
        {
            return new MapTaskReport { State = TaskState.Running, Silo = Silo };
        }

        if (!_work.IsCompletedSuccessfully)
        {
            var error = _work.Exception?.GetBaseException();
            return Faulted(error is null ? "The map task was cancelled." : $"The map task failed: {error.GetType().Name}: {error.Message}");
        }

        MapTaskResult result = _work.Result;
        if (result.Failure is { } failure)
        {
            return new MapTaskReport
            {
                State = failure.IsConfiguration ? TaskState.Faulted : TaskState.Failed, Failure = TaskFailure.From(failure), Silo = Silo,
            };
        }

        if (_output is null)
        {
            // The output stays here for the reduce tasks; keep the activation while they may still fetch it.
            _output = result;
            DelayDeactivation(_idleTimeout);
        }

        MapTaskStatistics done = result.Statistics!;
        var output = new MapTaskOutput
        {
            PartitionBytes = [.. Enumerable.Range(0, result.PartitionCount).Select(result.PartitionLength)],
            InputsRead = done.InputsRead,
            PairsEmitted = done.PairsEmitted,
            BytesRead = done.BytesRead,
            Skipped = [.. done.SkippedRecords.Select(SkippedInput.From)],
            SkippedCount = done.SkippedCount,
            Duration = done.Duration,
            Silo = Silo,
            Counters = done.Counters.Count > 0 ? new Dictionary<string, long>(done.Counters) : null,
            BytesSpilled = done.BytesSpilled,
        };
        if (logger.IsEnabled(LogLevel.Debug))
        {
            string key = this.GetPrimaryKeyString();
            long bytes = output.TotalBytes;
            LogCompleted(logger, key, Silo, output.Duration.TotalMilliseconds, output.InputsRead, bytes);
        }

        return new MapTaskReport { State = TaskState.Completed, Output = output, Silo = Silo };
    }

    public Task<DataChunk> Fetch(int partition, long offset, int maxBytes)
    {
        if (_output is null || _released || (uint)partition >= (uint)_output.PartitionCount)
        {
            // A fresh activation (the one that held the output died with its silo), or one released: nothing to give.
            if (_work is null)
            {
                DeactivateOnIdle();
            }

            return Task.FromResult(DataChunk.Missing(Silo));
        }

        DelayDeactivation(_idleTimeout);
        long total = _output.PartitionLength(partition);
        long start = Math.Clamp(offset, 0, total);
        var data = new byte[(int)Math.Min(Math.Max(maxBytes, 1), total - start)];
        int read = _output.ReadPartition(partition, start, data);
        return Task.FromResult(new DataChunk
        {
            Found = true, Data = read == data.Length ? data : data[..read], TotalBytes = total, Silo = Silo,
        });
    }

    public Task Release()
    {
        _released = true;
        _output?.Dispose();
        _output = null;
        _work = null;
        _cancel?.Cancel();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _cancel?.Cancel();
        _output?.Dispose();
        _output = null;
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public void Dispose() => _cancel?.Dispose();

    // The task, in a span that continues the coordinator's trace (when the run is traced and something listens here).
    private static MapTaskResult RunMap(IRegisteredJob job, MapTaskRequest request, OrleansPayloadCodec codec, string silo, CancellationToken token)
    {
        Activity? span = RunTelemetry.StartRemoteTask(request.JobName, MapReducePhase.Map, request.TaskId, request.Attempt, request.TraceParent, request.TraceState);
        if (span is not null)
        {
            span.SetTag("mapreducegen.silo", silo);
            Activity.Current = span;
        }

        string? error = "the task was stopped";
        try
        {
            MapTaskResult result = job.RunMap(request, codec, token);
            error = result.Failure?.Message;
            if (result.Statistics is { } done)
            {
                span?.SetTag("mapreducegen.inputs", done.InputsRead).SetTag("mapreducegen.pairs", done.PairsEmitted);
            }

            return result;
        }
        finally
        {
            RunTelemetry.EndTask(span, error);
        }
    }

    private MapTaskReport Faulted(string message) =>
        new() { State = TaskState.Faulted, Failure = TaskFailure.Configuration(message), Silo = Silo };

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug,
        Message = "Map task {Task} completed on {Silo} in {Milliseconds:F0} ms: {Inputs} inputs, {Bytes} bytes of output kept for the reduce tasks")]
    private static partial void LogCompleted(ILogger logger, string task, string silo, double milliseconds, long inputs, long bytes);
}
