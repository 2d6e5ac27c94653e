using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// Why a task failed, as data a backend can carry back to the client, which rebuilds the run's
/// <see cref="MapReduceException"/> from it (<see cref="JobDefinition{TKey, TValue, TOutput}.ToException"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TaskFailure
{
    /// <summary>The phase of the task that failed.</summary>
    public MapReducePhase Phase { get; init; }

    /// <summary>What the failure says (for a task that could not run, the whole story).</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>What user code or the input threw, when something did.</summary>
    public Exception? Exception { get; init; }

    /// <summary>The failing input's index (a batch: in the whole input; text: the line's index).</summary>
    public long? InputIndex { get; init; }

    /// <summary>The failing key, encoded by the job's key codec (or the payload codec), when a key's code threw.</summary>
    public byte[]? Key { get; init; }

    /// <summary>Whether the failure names a key (<see cref="Key"/>) rather than an input.</summary>
    public bool ForKey { get; init; }

    /// <summary>Whether the job's partitioner (or key order) threw or misbehaved, rather than its reducer.</summary>
    public bool ByPartitioner { get; init; }

    /// <summary>For text inputs: the file.</summary>
    public string? Path { get; init; }

    /// <summary>For text inputs: the 1-based line number.</summary>
    public long? LineNumber { get; init; }

    /// <summary>More bad inputs were skipped than allowed; the other members describe the last one.</summary>
    public bool TooManyBadRecords { get; init; }

    /// <summary>The run's <see cref="MapReduceOptions.MaxBadRecords"/>, when <see cref="TooManyBadRecords"/>.</summary>
    public int MaxBadRecords { get; init; }

    /// <summary>For a job with several inputs: the name of the input that failed.</summary>
    public string? InputName { get; init; }

    /// <summary>
    /// What failed, in the words of the task's exception (<c>the reducer threw</c>, <c>the key comparer is inconsistent</c>,
    /// <c>spilling map output to disk failed</c>), so the client's exception says the same; <see langword="null"/> when
    /// unknown (the failure is then worded from the other properties).
    /// </summary>
    public string? What { get; init; }

    /// <summary>Whether the task could not run at all (a configuration error): <see cref="Message"/> says why.</summary>
    public bool IsConfiguration { get; init; }

    /// <summary>A failure of configuration (the task could not run).</summary>
    /// <param name="message">Why.</param>
    /// <returns>The failure.</returns>
    public static TaskFailure Configuration(string message) => new() { Message = message, IsConfiguration = true };
}
