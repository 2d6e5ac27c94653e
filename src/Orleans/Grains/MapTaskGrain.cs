using MapReduceGen.Orleans.Jobs;
using MapReduceGen.Orleans.Wire;
using Orleans.Concurrency;
using MapReduceGen.Orleans.Placement;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Grains;

/// <summary>
/// Runs a map task with the job registered on this silo. The work runs on a dedicated thread, off the grain's
/// scheduler, so polls are answered while it runs (a poll is the coordinator's heartbeat); placement spreads the
/// tasks of a run randomly over the silos the coordinator does not suspect.
/// </summary>
[TaskPlacement]
[Reentrant]
internal sealed class MapTaskGrain(ClusterJobRegistry registry, Serializer serializer, ILocalSiloDetails siloDetails) : Grain, IMapTaskGrain, IDisposable
{
    private Task<MapTaskReport>? _work;
    private CancellationTokenSource? _cancel;

    private string Silo => siloDetails.SiloAddress.ToString();

    public Task<MapTaskReport> Start(MapTaskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_work is null)
        {
            if (!registry.TryGet(request.JobName, out var job))
            {
                return Task.FromResult(Faulted(registry.NotRegistered(request.JobName, Silo)));
            }

            if (job.CheckSerializable(serializer, textInput: request.Split is not null) is { } problem)
            {
                return Task.FromResult(Faulted(problem));
            }

            _cancel = new CancellationTokenSource();
            var token = _cancel.Token;
            // A dedicated thread, not a pool thread: CPU-bound tasks must not starve the pool that Orleans itself
            // (and so the answers to polls) runs on.
            _work = Task.Factory.StartNew(
                () => job.RunMap(request, serializer, token), token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        return Task.FromResult(new MapTaskReport { State = TaskState.Running, Silo = Silo });
    }

    public async Task<MapTaskReport> Poll(TimeSpan wait)
    {
        if (_work is null)
        {
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

        var report = _work.Result;
        return new MapTaskReport { State = report.State, Output = report.Output, Failure = report.Failure, Silo = Silo };
    }

    public Task Release()
    {
        _cancel?.Cancel();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _cancel?.Cancel();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public void Dispose() => _cancel?.Dispose();

    private MapTaskReport Faulted(string message) =>
        new() { State = TaskState.Faulted, Failure = TaskFailure.Configuration(message), Silo = Silo };
}
