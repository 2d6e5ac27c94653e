namespace MapReduceGen;

/// <summary>What a run did and how long each phase took.</summary>
public sealed class MapReduceStatistics
{
    /// <summary>The job's name.</summary>
    public required string JobName { get; init; }

    /// <summary>Inputs mapped (skipped bad records included).</summary>
    public long InputsRead { get; init; }

    /// <summary>Pairs the mapper emitted.</summary>
    public long PairsEmitted { get; init; }

    /// <summary>Distinct keys in the result.</summary>
    public long DistinctKeys { get; init; }

    /// <summary>Bytes read from text sources (0 for in-memory inputs).</summary>
    public long BytesRead { get; init; }

    /// <summary>
    /// How many skipped records <see cref="SkippedRecords"/> keeps in detail at most: a run that skips more lists the
    /// first ones and counts them all in <see cref="BadRecordsSkipped"/>, so its memory stays bounded.
    /// </summary>
    public const int SkippedRecordsKept = 1000;

    private long? _badRecordsSkipped;

    /// <summary>
    /// Inputs whose mapping threw and that were skipped: the exact count, even when <see cref="SkippedRecords"/> lists
    /// only the first <see cref="SkippedRecordsKept"/>. When not set, the runner's count (or the list's length).
    /// </summary>
    public long BadRecordsSkipped
    {
        get => _badRecordsSkipped ?? (SkippedRecords as SkippedRecordList)?.TotalCount ?? SkippedRecords.Count;
        init => _badRecordsSkipped = value;
    }

    /// <summary>
    /// The skipped inputs, with where they came from and what was thrown: the first <see cref="SkippedRecordsKept"/>
    /// the workers met (<see cref="BadRecordsSkipped"/> counts them all).
    /// </summary>
    public IReadOnlyList<SkippedRecord> SkippedRecords { get; init; } = [];

    /// <summary>
    /// Bytes of map output written to spill files because the run's tables outgrew its memory budget
    /// (<see cref="MapReduceOptions.MemoryBudget"/>); 0 when everything fitted in memory.
    /// </summary>
    public long BytesSpilled { get; init; }

    /// <summary>Workers used.</summary>
    public int WorkerCount { get; init; }

    /// <summary>Partitions used.</summary>
    public int PartitionCount { get; init; }

    /// <summary>Time spent reading and mapping (including map-side combining).</summary>
    public TimeSpan MapTime { get; init; }

    /// <summary>Time spent merging partitions and reducing.</summary>
    public TimeSpan ReduceTime { get; init; }

    /// <summary>Time of the whole run.</summary>
    public TimeSpan TotalTime { get; init; }

    /// <summary>
    /// The user counters the mappers and reducers incremented (<see cref="MapReduceGen.Counters"/>), summed over every map
    /// and reduce task (workers, or silos on a cluster), by name (ordinal). Empty when the job counts nothing.
    /// </summary>
    public IReadOnlyDictionary<string, long> Counters { get; init; } = EmptyCounters;

    private static readonly IReadOnlyDictionary<string, long> EmptyCounters = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{JobName}: {InputsRead} inputs, {PairsEmitted} pairs, {DistinctKeys} keys, {BadRecordsSkipped} skipped; " +
        $"map {MapTime.TotalMilliseconds:F1} ms, reduce {ReduceTime.TotalMilliseconds:F1} ms, " +
        $"total {TotalTime.TotalMilliseconds:F1} ms on {WorkerCount} workers, {PartitionCount} partitions";
}
