namespace MapReduceGen.Orleans.Wire;

/// <summary>A reduce grain's answer to a poll or a chunk delivery.</summary>
[GenerateSerializer]
[Immutable]
[Alias("MapReduceGen.Orleans.ReduceTaskReport")]
internal sealed class ReduceTaskReport
{
    /// <summary>Where the task stands.</summary>
    [Id(0)]
    public TaskState State { get; init; }

    /// <summary>The partition's results (keys and results), encoded by the job's codec, when completed.</summary>
    [Id(1)]
    public byte[]? Result { get; init; }

    /// <summary>The number of keys in <see cref="Result"/>.</summary>
    [Id(2)]
    public long KeyCount { get; init; }

    /// <summary>The failure, when <see cref="TaskState.Failed"/> or <see cref="TaskState.Faulted"/>.</summary>
    [Id(3)]
    public TaskFailure? Failure { get; init; }

    /// <summary>The silo that holds the partition.</summary>
    [Id(4)]
    public string Silo { get; init; } = string.Empty;

    /// <summary>The user counters the task's reducer incremented, when completed; <see langword="null"/> when none.</summary>
    [Id(5)]
    public Dictionary<string, long>? Counters { get; init; }
}
