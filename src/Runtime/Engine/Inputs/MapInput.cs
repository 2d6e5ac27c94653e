using MapReduceGen.Engine.Local;

namespace MapReduceGen.Engine.Inputs;

/// <summary>
/// Where a run's inputs come from, and how the map phase hands them to workers: chunks of a sequence, or byte
/// ranges of text files.
/// </summary>
internal abstract class MapInput<TInput> : IDisposable
{
    /// <summary>How many workers are worth starting, at most <paramref name="maximum"/>.</summary>
    public abstract int PlanWorkers(int maximum);

    /// <summary>The input's size in bytes when known (text), for progress.</summary>
    public virtual long? TotalBytes => null;

    /// <summary>
    /// Whether workers must be driven with <see cref="RunWorkerAsync"/> (inputs that arrive asynchronously: workers
    /// then await them instead of blocking a thread).
    /// </summary>
    public virtual bool IsAsync => false;

    public virtual void Dispose()
    {
    }

    /// <summary>One worker's loop: take work, map it, until there is none left or the run stops.</summary>
    public abstract void RunWorker(int workerIndex, IInputMapper<TInput> worker, RunState state);

    /// <summary>One worker's loop for an asynchronous input; it never blocks a thread while waiting for inputs.</summary>
    public virtual Task RunWorkerAsync(int workerIndex, IInputMapper<TInput> worker, RunState state)
    {
        RunWorker(workerIndex, worker, state);
        return Task.CompletedTask;
    }
}
