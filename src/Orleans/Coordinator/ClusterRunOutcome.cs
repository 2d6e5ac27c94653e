namespace MapReduceGen.Orleans.Coordinator;

/// <summary>What the coordinator hands back to the typed layer: the counters and what the run did.</summary>
internal sealed class ClusterRunOutcome
{
    public required string RunId { get; init; }

    public required long InputsRead { get; init; }

    public required long PairsEmitted { get; init; }

    /// <summary>Bytes spilled to silos' disks by map tasks (their tables) and reduce tasks (fetched output), the accepted attempts' only.</summary>
    public long BytesSpilled { get; init; }

    public required long BytesRead { get; init; }

    public required IReadOnlyList<SkippedRecord> SkippedRecords { get; init; }

    public required long BadRecordsSkipped { get; init; }

    public required long DistinctKeys { get; init; }

    public required TimeSpan MapTime { get; init; }

    public required TimeSpan ReduceTime { get; init; }

    public int MapTasks { get; init; }

    public int MapAttempts { get; init; }

    public int LostMapOutputs { get; init; }

    public int ReduceAttempts { get; init; }

    public long MapOutputBytes { get; init; }

    public long ShuffleBytes { get; init; }

    public long ResultBytes { get; init; }

    /// <summary>The user counters of every accepted map task and every reduce task, summed.</summary>
    public IReadOnlyDictionary<string, long> Counters { get; init; } = new Dictionary<string, long>();
}
