using MapReduceGen.Engine.Ordering;

namespace MapReduceGen.Engine.Reduce;

/// <summary>
/// What a reducer needs besides its pieces to reduce one partition: the run's state (stop, failure), the task's context
/// (parameters, counters), whether keys are reduced and kept in key order, and the job's value order (secondary sort).
/// </summary>
internal sealed class ReduceScope<TKey, TValue>(
    RunState state, TaskContext context, KeyComparison<TKey>? keyOrder, Comparison<TValue>? valueOrder)
{
    public RunState State => state;

    public TaskContext Context => context;

    /// <summary>The key order when the partition's keys are sorted, else <see langword="null"/>.</summary>
    public KeyComparison<TKey>? KeyOrder => keyOrder;

    public Comparison<TValue>? ValueOrder => valueOrder;
}
