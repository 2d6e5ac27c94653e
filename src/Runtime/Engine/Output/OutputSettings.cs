using MapReduceGen.Engine.Ordering;

namespace MapReduceGen.Engine.Output;

/// <summary>How a run's output is put together: the key order (ties, lookups), whether keys were sorted, the job's output order.</summary>
internal sealed class OutputSettings<TKey, TResult>(
    KeyComparison<TKey> keyOrder, bool keysSorted, Comparison<TResult>? outputOrder, Func<TKey, int>? partitionOfKey)
{
    public KeyComparison<TKey> KeyOrder => keyOrder;

    /// <summary>Whether every partition's keys were reduced in key order (and partitions are key ranges).</summary>
    public bool KeysSorted => keysSorted;

    public Comparison<TResult>? OutputOrder => outputOrder;

    /// <summary>The partition of a key when keys were not partitioned by their stable hash, else <see langword="null"/>.</summary>
    public Func<TKey, int>? PartitionOfKey => partitionOfKey;
}
