using MapReduceGen.Orleans.Wire;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// One partition's reduce state in a reduce grain: map tasks' outputs for the partition go in (one per map task),
/// results come out, kept for the coordinator or written to a file.
/// </summary>
internal interface IReduceState
{
    /// <summary>Decodes one map task's output for the partition (CPU work; thread-safe, changes nothing).</summary>
    object Decode(byte[] encoded);

    /// <summary>Adds a decoded output of map task <paramref name="taskId"/> (called once per task).</summary>
    void Add(int taskId, object decoded);

    /// <summary>
    /// Reduces every key with the run's parameters (<paramref name="jobData"/>, a <see cref="JobRunData"/>), then encodes
    /// the results or writes them to <paramref name="file"/>.
    /// </summary>
    ReduceOutcome Complete(int partition, ReduceFileSpec? file, string workTag, byte[]? jobData, CancellationToken cancellationToken);
}

/// <summary>What a reduce produced: results kept for the coordinator, a written file, or a failure of user code.</summary>
internal sealed class ReduceOutcome
{
    public TaskState State { get; init; }

    public TaskFailure? Failure { get; init; }

    /// <summary>The encoded results, when they are kept for the coordinator.</summary>
    public byte[]? Result { get; init; }

    public long KeyCount { get; init; }

    public string? FilePath { get; init; }

    public long FileBytes { get; init; }

    /// <summary>The user counters the reducer incremented, when completed; <see langword="null"/> when none.</summary>
    public Dictionary<string, long>? Counters { get; init; }
}
