using MapReduceGen.Orleans.Jobs;
using MapReduceGen.Orleans.Wire;
using Orleans.Concurrency;
using MapReduceGen.Orleans.Placement;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Grains;

/// <summary>
/// Holds one partition's reduce state. Chunks are merged on the grain's scheduler, one at a time, and deduplicated by
/// map task id, so a re-executed map task's output is never counted twice; the final reduce runs on a dedicated thread
/// while the coordinator polls.
/// </summary>
[TaskPlacement]
[Reentrant]
internal sealed class ReduceTaskGrain(ClusterJobRegistry registry, Serializer serializer, ILocalSiloDetails siloDetails) : Grain, IReduceTaskGrain, IDisposable
{
    private readonly HashSet<int> _merged = [];
    private IReduceState? _state;
    private Task<ReduceTaskReport>? _work;
    private CancellationTokenSource? _cancel;
    private TaskFailure? _failure;

    private string Silo => siloDetails.SiloAddress.ToString();

    public Task<ReduceTaskReport> Add(string jobName, int[] taskIds, byte[][] chunks)
    {
        ArgumentNullException.ThrowIfNull(taskIds);
        ArgumentNullException.ThrowIfNull(chunks);
        if (taskIds.Length != chunks.Length)
        {
            return Task.FromResult(Faulted("A batch of chunks has a different number of task ids and chunks."));
        }
        if (_failure is not null)
        {
            return Task.FromResult(Report(TaskState.Failed));
        }

        if (_work is not null)
        {
            return Task.FromResult(Faulted("Map outputs arrived after the reduce started."));
        }

        if (_state is null)
        {
            if (!registry.TryGet(jobName, out var job))
            {
                return Task.FromResult(Faulted(registry.NotRegistered(jobName, Silo)));
            }

            if (job.CheckSerializable(serializer, textInput: true) is { } problem)
            {
                return Task.FromResult(Faulted(problem));
            }

            _state = job.CreateReduceState(serializer);
        }

        for (int i = 0; i < chunks.Length && _failure is null; i++)
        {
            if (_merged.Add(taskIds[i]))
            {
                _failure = _state.Add(chunks[i]);
            }
        }

        return Task.FromResult(Report(_failure is null ? TaskState.Running : TaskState.Failed));
    }

    public Task<ReduceTaskReport> Start(string jobName, int expectedChunks, byte[]? jobData)
    {
        if (_failure is not null)
        {
            return Task.FromResult(Report(TaskState.Failed));
        }

        if (_work is null)
        {
            if (_merged.Count != expectedChunks)
            {
                // This activation is not the one the chunks went to (that one died with its silo).
                return Task.FromResult(Report(TaskState.Lost));
            }

            if (_state is null)
            {
                if (!registry.TryGet(jobName, out var job))
                {
                    return Task.FromResult(Faulted(registry.NotRegistered(jobName, Silo)));
                }

                _state = job.CreateReduceState(serializer);
            }

            var state = _state;
            _cancel = new CancellationTokenSource();
            var token = _cancel.Token;
            _work = Task.Factory.StartNew(
                () => state.Complete(jobData, token), token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        return Task.FromResult(Report(TaskState.Running));
    }

    public async Task<ReduceTaskReport> Poll(TimeSpan wait)
    {
        if (_work is null)
        {
            return Report(TaskState.Lost);
        }

        await ((Task)_work).WaitAsync(wait).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        if (!_work.IsCompleted)
        {
            return Report(TaskState.Running);
        }

        if (!_work.IsCompletedSuccessfully)
        {
            var error = _work.Exception?.GetBaseException();
            return Faulted(error is null ? "The reduce task was cancelled." : $"The reduce task failed: {error.GetType().Name}: {error.Message}");
        }

        var report = _work.Result;
        return new ReduceTaskReport
        {
            State = report.State, Result = report.Result, KeyCount = report.KeyCount, Failure = report.Failure, Silo = Silo,
            Counters = report.Counters,
        };
    }

    public Task Release()
    {
        _cancel?.Cancel();
        _state = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _cancel?.Cancel();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public void Dispose() => _cancel?.Dispose();

    private ReduceTaskReport Report(TaskState state) => new() { State = state, Failure = _failure, Silo = Silo };

    private ReduceTaskReport Faulted(string message) =>
        new() { State = TaskState.Faulted, Failure = TaskFailure.Configuration(message), Silo = Silo };
}
