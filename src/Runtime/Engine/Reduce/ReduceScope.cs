using MapReduceGen.Engine.Ordering;

namespace MapReduceGen.Engine.Reduce;

/// <summary>
/// What a reducer needs besides its pieces to reduce one partition: the run's state (stop, failure), the task's context
/// (parameters, counters), whether keys are reduced and kept in key order, the job's value order (secondary sort), and
/// whether the job's output is records rather than a result per key.
/// </summary>
internal sealed class ReduceScope<TKey, TValue>(
    RunState state, TaskContext context, KeyComparison<TKey>? keyOrder, Comparison<TValue>? valueOrder, bool writesRecords)
{
    public RunState State => state;

    public TaskContext Context => context;

    /// <summary>The key order when the partition's keys are sorted, else <see langword="null"/>.</summary>
    public KeyComparison<TKey>? KeyOrder => keyOrder;

    public Comparison<TValue>? ValueOrder => valueOrder;

    /// <summary>Whether the reducer's calls write records (zero or more per key) rather than one result per key.</summary>
    public bool WritesRecords => writesRecords;

    /// <summary>The partition's output, for <paramref name="keyCount"/> keys.</summary>
    public ReduceOutput<TResult> CreateOutput<TResult>(int keyCount) => ReduceOutput<TResult>.Create(writesRecords, keyCount);
}
