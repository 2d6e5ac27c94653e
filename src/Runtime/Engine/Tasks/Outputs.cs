using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>Makes the output objects of streamed and file runs, for backends (their constructors are not public).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Outputs
{
    /// <summary>A part of one partition's results.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="partition">The partition.</param>
    /// <param name="partitionCount">The run's number of partitions.</param>
    /// <param name="entries">The entries.</param>
    /// <param name="isLast">Whether they end the partition.</param>
    /// <param name="statistics">The run's statistics, on the run's last part only.</param>
    /// <returns>The part.</returns>
    public static MapReducePartition<TKey, TResult> Partition<TKey, TResult>(
        int partition, int partitionCount, IReadOnlyList<KeyValuePair<TKey, TResult>> entries, bool isLast = true, MapReduceStatistics? statistics = null) =>
        new(partition, partitionCount, entries ?? throw new ArgumentNullException(nameof(entries)), isLast, statistics);

    /// <summary>A part of one partition's records.</summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="partition">The partition.</param>
    /// <param name="partitionCount">The run's number of partitions.</param>
    /// <param name="records">The records.</param>
    /// <param name="isLast">Whether they end the partition.</param>
    /// <param name="statistics">The run's statistics, on the run's last part only.</param>
    /// <returns>The part.</returns>
    public static MapReduceRecordPartition<TRecord> RecordPartition<TRecord>(
        int partition, int partitionCount, IReadOnlyList<TRecord> records, bool isLast = true, MapReduceStatistics? statistics = null) =>
        new(partition, partitionCount, records ?? throw new ArgumentNullException(nameof(records)), isLast, statistics);

    /// <summary>The output of a run that wrote files (after <see cref="MapReduceOutputFiles.Commit"/>).</summary>
    /// <param name="directory">The output directory.</param>
    /// <param name="files">The files, in partition order.</param>
    /// <param name="statistics">The run's statistics.</param>
    /// <returns>The output.</returns>
    public static MapReduceFileOutput Files(string directory, IReadOnlyList<MapReduceOutputFile> files, MapReduceStatistics statistics) =>
        new(directory ?? throw new ArgumentNullException(nameof(directory)), files ?? throw new ArgumentNullException(nameof(files)),
            statistics ?? throw new ArgumentNullException(nameof(statistics)));
}
