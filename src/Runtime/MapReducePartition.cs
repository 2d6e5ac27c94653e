namespace MapReduceGen;

/// <summary>
/// Output of a run handed over as it is produced (<c>StreamAsync</c>): entries of one partition, in the partition's
/// output order (key order when the job sorts by key). A partition comes whole, or, when it is too large to hold at once,
/// as several consecutive parts, the last one with <see cref="IsLast"/>; no key appears in two partitions.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TResult">The result type.</typeparam>
public sealed class MapReducePartition<TKey, TResult>
{
    internal MapReducePartition(
        int partition, int partitionCount, IReadOnlyList<KeyValuePair<TKey, TResult>> entries, bool isLast = true, MapReduceStatistics? statistics = null)
    {
        Partition = partition;
        PartitionCount = partitionCount;
        Entries = entries;
        IsLast = isLast;
        Statistics = statistics;
    }

    /// <summary>The partition's index, from 0.</summary>
    public int Partition { get; }

    /// <summary>The run's number of partitions.</summary>
    public int PartitionCount { get; }

    /// <summary>The keys and results.</summary>
    public IReadOnlyList<KeyValuePair<TKey, TResult>> Entries { get; }

    /// <summary>Whether these are the partition's last entries (always, for a partition handed over whole).</summary>
    public bool IsLast { get; }

    /// <summary>
    /// The run's statistics (counters, keys, times) on the run's last part, the last partition's last part, which comes
    /// once the whole run has ended; <see langword="null"/> on every other part.
    /// </summary>
    public MapReduceStatistics? Statistics { get; }
}
