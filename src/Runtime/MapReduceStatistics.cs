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

    /// <summary>Inputs whose mapping threw and that were skipped.</summary>
    public long BadRecordsSkipped => SkippedRecords.Count;

    /// <summary>The skipped inputs, with where they came from and what was thrown.</summary>
    public IReadOnlyList<SkippedRecord> SkippedRecords { get; init; } = [];

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

    /// <inheritdoc/>
    public override string ToString() =>
        $"{JobName}: {InputsRead} inputs, {PairsEmitted} pairs, {DistinctKeys} keys, {BadRecordsSkipped} skipped; " +
        $"map {MapTime.TotalMilliseconds:F1} ms, reduce {ReduceTime.TotalMilliseconds:F1} ms, " +
        $"total {TotalTime.TotalMilliseconds:F1} ms on {WorkerCount} workers, {PartitionCount} partitions";
}
