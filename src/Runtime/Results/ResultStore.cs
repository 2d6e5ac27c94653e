namespace MapReduceGen.Engine.Results;

/// <summary>
/// Where a result's entries live: partitions of entries, each entry a key and its result, addressed by (partition,
/// index), plus lookup by key. Keys may be stored in another form (string keys as UTF-8) and are made on demand.
/// </summary>
internal abstract class ResultStore<TKey, TResult>
{
    public abstract int PartitionCount { get; }

    public abstract long Count { get; }

    public abstract int PartitionLength(int partition);

    public abstract TKey KeyAt(int partition, int index);

    public abstract TResult ResultAt(int partition, int index);

    public abstract bool TryGetValue(TKey key, out TResult value);

    /// <summary>
    /// Compares the keys of two entries in key order (ordinal for strings), without making the keys when the store can.
    /// </summary>
    public virtual int CompareKeys(int partition, int index, int otherPartition, int otherIndex) =>
        ResultOrder<TKey, TResult>.CompareKeys(KeyAt(partition, index), KeyAt(otherPartition, otherIndex));
}
