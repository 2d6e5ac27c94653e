namespace MapReduceGen.Orleans.Wire;

/// <summary>A reduce grain's answer to a start, a hand-over of map output locations, or a poll.</summary>
[GenerateSerializer]
[Immutable]
[Alias("MapReduceGen.Orleans.ReduceTaskReport")]
internal sealed class ReduceTaskReport
{
    /// <summary>Where the task stands.</summary>
    [Id(0)]
    public TaskState State { get; init; }

    /// <summary>The size of the encoded results (keys and results) the grain keeps for the coordinator, when completed.</summary>
    [Id(1)]
    public long ResultBytes { get; init; }

    /// <summary>The number of keys of the partition, when completed.</summary>
    [Id(2)]
    public long KeyCount { get; init; }

    /// <summary>The failure, when <see cref="TaskState.Failed"/> or <see cref="TaskState.Faulted"/>.</summary>
    [Id(3)]
    public TaskFailure? Failure { get; init; }

    /// <summary>The silo that holds the partition.</summary>
    [Id(4)]
    public string Silo { get; init; } = string.Empty;

    /// <summary>
    /// Map outputs the task could not fetch (their silo is gone): the coordinator runs those map tasks again and hands
    /// over the new locations. Repeated in every report until a newer location arrives.
    /// </summary>
    [Id(5)]
    public MapOutputLocation[] LostOutputs { get; init; } = [];

    /// <summary>How many map tasks' outputs the task has merged.</summary>
    [Id(6)]
    public int Merged { get; init; }

    /// <summary>Bytes of map output the task fetched from other grains (the shuffle, silo to silo).</summary>
    [Id(7)]
    public long FetchedBytes { get; init; }

    /// <summary>The file written, when the task writes its partition to a file and completed.</summary>
    [Id(8)]
    public string? FilePath { get; init; }

    /// <summary>The size of <see cref="FilePath"/>.</summary>
    [Id(9)]
    public long FileBytes { get; init; }

    /// <summary>The user counters the task's reducer incremented, when completed; <see langword="null"/> when none.</summary>
    [Id(10)]
    public Dictionary<string, long>? Counters { get; init; }

    /// <summary>Bytes of fetched map output the task moved to its silo's disk because they outgrew its memory budget.</summary>
    [Id(11)]
    public long BytesSpilled { get; init; }
}
