using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Spill;

namespace MapReduceGen.Engine.Definitions;

/// <summary>
/// One input of a local run, opened and bound to its mapper: the executor plans workers over it and runs each worker's
/// loop into that worker's sink, whatever the input's type.
/// </summary>
internal abstract class MapRun<TKey, TValue> : IDisposable
{
    public abstract bool IsAsync { get; }

    public abstract long? TotalBytes { get; }

    /// <summary>How many workers are worth starting, at most <paramref name="maximum"/>. Called once.</summary>
    public abstract int PlanWorkers(int maximum);

    /// <summary>One worker's loop over this input, mapping into <paramref name="sink"/>.</summary>
    public abstract void RunWorker<TJob, TSlot, TSide>(int worker, MapSink<TKey, TValue, TSlot> sink, RunState state, TaskContext context, IMapSpill? spill)
        where TJob : struct, IKeyedJob<TKey>
        where TSide : IMapSide<TValue, TSlot>;

    /// <summary>One worker's loop over an asynchronous input.</summary>
    public abstract Task RunWorkerAsync<TJob, TSlot, TSide>(int worker, MapSink<TKey, TValue, TSlot> sink, RunState state, TaskContext context, IMapSpill? spill)
        where TJob : struct, IKeyedJob<TKey>
        where TSide : IMapSide<TValue, TSlot>;

    public abstract void Dispose();
}
