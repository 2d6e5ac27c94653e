namespace MapReduceGen;

/// <summary>Where a result's entries live: partitions of entries plus key lookup.</summary>
internal abstract class ResultStore<TKey, TResult>
{
    public abstract int PartitionCount { get; }

    public abstract long Count { get; }

    public abstract ReadOnlySpan<KeyEntry<TKey, TResult>> GetPartition(int partition);

    public abstract bool TryGetValue(TKey key, out TResult value);
}
