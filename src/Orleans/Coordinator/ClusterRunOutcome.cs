namespace MapReduceGen.Orleans.Coordinator;

/// <summary>What the coordinator hands back to the typed layer: each partition's encoded results and the counters.</summary>
internal sealed class ClusterRunOutcome
{
    public required byte[]?[] PartitionResults { get; init; }

    public required long InputsRead { get; init; }

    public required long PairsEmitted { get; init; }

    public required long BytesRead { get; init; }

    public required IReadOnlyList<SkippedRecord> SkippedRecords { get; init; }

    public required TimeSpan MapTime { get; init; }

    public required TimeSpan ReduceTime { get; init; }
}
