namespace MapReduceGen.Orleans.Coordinator;

/// <summary>What the coordinator hands back to the typed layer: each partition's encoded results and the counters.</summary>
internal sealed class ClusterRunOutcome
{
    public required byte[]?[] PartitionResults { get; init; }

    /// <summary>How many keys each partition reduced.</summary>
    public long[] PartitionKeyCounts { get; init; } = [];

    public required long InputsRead { get; init; }

    public required long PairsEmitted { get; init; }

    public required long BytesRead { get; init; }

    public required IReadOnlyList<SkippedRecord> SkippedRecords { get; init; }

    public required TimeSpan MapTime { get; init; }

    public required TimeSpan ReduceTime { get; init; }

    /// <summary>The user counters of every accepted map task and every reduce task, summed.</summary>
    public IReadOnlyDictionary<string, long> Counters { get; init; } = new Dictionary<string, long>();
}
