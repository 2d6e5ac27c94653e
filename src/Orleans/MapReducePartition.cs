namespace MapReduceGen.Orleans;

/// <summary>
/// One partition of a run's result, as <c>MapReduceClusterExecutor.StreamAsync</c>
/// hands them over: every key whose stable hash falls in the partition, with its result.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TResult">The result type.</typeparam>
public sealed class MapReducePartition<TKey, TResult>
{
    internal MapReducePartition(int partition, int partitionCount, IReadOnlyList<KeyValuePair<TKey, TResult>> entries)
    {
        Partition = partition;
        PartitionCount = partitionCount;
        Entries = entries;
    }

    /// <summary>The partition's index, from 0.</summary>
    public int Partition { get; }

    /// <summary>The run's number of partitions.</summary>
    public int PartitionCount { get; }

    /// <summary>The partition's keys and results (no key appears in another partition).</summary>
    public IReadOnlyList<KeyValuePair<TKey, TResult>> Entries { get; }
}
