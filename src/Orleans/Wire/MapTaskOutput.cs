namespace MapReduceGen.Orleans.Wire;

/// <summary>
/// What a finished map task tells the coordinator: how much output it keeps for each partition (the output itself stays
/// on the task's silo, where reduce tasks fetch it) and its counters.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("MapReduceGen.Orleans.MapTaskOutput")]
internal sealed class MapTaskOutput
{
    /// <summary>Per partition: the size in bytes of the encoded output the task keeps for it; 0 when empty.</summary>
    [Id(0)]
    public long[] PartitionBytes { get; init; } = [];

    /// <summary>Inputs mapped.</summary>
    [Id(1)]
    public long InputsRead { get; init; }

    /// <summary>Pairs the mapper emitted (before combining).</summary>
    [Id(2)]
    public long PairsEmitted { get; init; }

    /// <summary>Bytes of text read.</summary>
    [Id(3)]
    public long BytesRead { get; init; }

    /// <summary>
    /// The first inputs that were skipped because their mapping threw (at most
    /// <see cref="MapReduceStatistics.SkippedRecordsKept"/>; <see cref="SkippedCount"/> counts them all).
    /// </summary>
    [Id(4)]
    public SkippedInput[] Skipped { get; init; } = [];

    /// <summary>How many inputs the task skipped, exactly.</summary>
    [Id(5)]
    public long SkippedCount { get; init; }

    /// <summary>The silo that keeps the output.</summary>
    [Id(6)]
    public string Silo { get; init; } = string.Empty;

    /// <summary>How long the task took on its silo (reading, mapping, combining, partitioning, encoding).</summary>
    [Id(7)]
    public TimeSpan Duration { get; init; }

    /// <summary>The user counters the task's mapper incremented; <see langword="null"/> when none.</summary>
    [Id(8)]
    public Dictionary<string, long>? Counters { get; init; }

    /// <summary>Bytes the task spilled to its silo's disk because its table outgrew the task's memory budget.</summary>
    [Id(9)]
    public long BytesSpilled { get; init; }

    /// <summary>The total size of the kept output.</summary>
    public long TotalBytes => PartitionBytes.Sum();
}
