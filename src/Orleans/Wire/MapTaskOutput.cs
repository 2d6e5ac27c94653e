namespace MapReduceGen.Orleans.Wire;

/// <summary>A finished map task's combined output, one encoded chunk per partition, and its counters.</summary>
[GenerateSerializer]
[Immutable]
[Alias("MapReduceGen.Orleans.MapTaskOutput")]
internal sealed class MapTaskOutput
{
    /// <summary>Per partition: the combined pairs, encoded by the job's codec; <see langword="null"/> when empty.</summary>
    [Id(0)]
    public byte[]?[] Partitions { get; init; } = [];

    /// <summary>Inputs mapped.</summary>
    [Id(1)]
    public long InputsRead { get; init; }

    /// <summary>Pairs the mapper emitted (before combining).</summary>
    [Id(2)]
    public long PairsEmitted { get; init; }

    /// <summary>Bytes of text read.</summary>
    [Id(3)]
    public long BytesRead { get; init; }

    /// <summary>The inputs that were skipped because their mapping threw.</summary>
    [Id(4)]
    public SkippedInput[] Skipped { get; init; } = [];

    /// <summary>The user counters the task's mapper incremented; <see langword="null"/> when none.</summary>
    [Id(5)]
    public Dictionary<string, long>? Counters { get; init; }
}
