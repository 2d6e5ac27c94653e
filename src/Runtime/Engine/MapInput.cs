namespace MapReduceGen;

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
    /// Runs the map phase: <paramref name="workers"/>.Length workers, each made by <paramref name="createWorker"/>,
    /// map until the input is exhausted or the run must stop.
    /// </summary>
    public void Run(IInputMapper<TInput>?[] workers, Func<IInputMapper<TInput>> createWorker, RunState state) =>
        ParallelWorkers.Run(workers.Length, w =>
        {
            IInputMapper<TInput> worker = createWorker();
            workers[w] = worker;
            RunWorker(w, worker, state);
        });

    public virtual void Dispose()
    {
    }

    /// <summary>One worker's loop: take work, map it, until there is none left or the run stops.</summary>
    protected abstract void RunWorker(int workerIndex, IInputMapper<TInput> worker, RunState state);
}
