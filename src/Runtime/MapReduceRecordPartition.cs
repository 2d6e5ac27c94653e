namespace MapReduceGen;

/// <summary>
/// Records of a run handed over as they are produced (<c>StreamAsync</c> of a job whose reducer writes records): records
/// of one partition, in the order they were written (key order when the job sorts by key). A partition comes whole, or
/// as several consecutive parts, the last one with <see cref="IsLast"/>.
/// </summary>
/// <typeparam name="TRecord">The record type.</typeparam>
public sealed class MapReduceRecordPartition<TRecord>
{
    internal MapReduceRecordPartition(
        int partition, int partitionCount, IReadOnlyList<TRecord> records, bool isLast = true, MapReduceStatistics? statistics = null)
    {
        Partition = partition;
        PartitionCount = partitionCount;
        Records = records;
        IsLast = isLast;
        Statistics = statistics;
    }

    /// <summary>The partition's index, from 0.</summary>
    public int Partition { get; }

    /// <summary>The run's number of partitions.</summary>
    public int PartitionCount { get; }

    /// <summary>The records.</summary>
    public IReadOnlyList<TRecord> Records { get; }

    /// <summary>Whether these are the partition's last records (always, for a partition handed over whole).</summary>
    public bool IsLast { get; }

    /// <summary>
    /// The run's statistics (counters, keys, times) on the run's last part, the last partition's last part, which comes
    /// once the whole run has ended; <see langword="null"/> on every other part.
    /// </summary>
    public MapReduceStatistics? Statistics { get; }
}
