namespace MapReduceGen.Orleans.Wire;

/// <summary>What went wrong in a task, carried back to the coordinator as data.</summary>
[GenerateSerializer]
[Immutable]
[Alias("MapReduceGen.Orleans.TaskFailure")]
internal sealed class TaskFailure
{
    /// <summary>The message for a <see cref="TaskState.Faulted"/> task (configuration errors).</summary>
    [Id(0)]
    public string Message { get; init; } = string.Empty;

    /// <summary>
    /// What user code threw. Orleans carries exceptions of <c>System.*</c> and <c>Microsoft.*</c> types with their
    /// type; others arrive as Orleans' fallback exception with the original type name and message.
    /// </summary>
    [Id(1)]
    public Exception? Exception { get; init; }

    /// <summary>The failing input's index (sequences: in the whole input; text: the line's index in its split).</summary>
    [Id(2)]
    public long? InputIndex { get; init; }

    /// <summary>The failing key, encoded by the job's key codec (or Orleans), when a key's code threw.</summary>
    [Id(3)]
    public byte[]? Key { get; init; }

    /// <summary>For text inputs: the file of the failing line.</summary>
    [Id(4)]
    public string? Path { get; init; }

    /// <summary>For text inputs: the 1-based line number of the failing line.</summary>
    [Id(5)]
    public long? LineNumber { get; init; }

    /// <summary>
    /// The task skipped more bad inputs than <see cref="MapReduceOptions.MaxBadRecords"/> allows; the other members
    /// describe the last one.
    /// </summary>
    [Id(6)]
    public bool TooManyBadRecords { get; init; }

    /// <summary>For a job with several inputs: the name of the input that failed.</summary>
    [Id(7)]
    public string? InputName { get; init; }

    /// <summary>The phase of the task.</summary>
    [Id(8)]
    public MapReducePhase Phase { get; init; }

    /// <summary>Whether the failure names a key rather than an input.</summary>
    [Id(9)]
    public bool ForKey { get; init; }

    /// <summary>Whether the job's partitioner (or key order) failed.</summary>
    [Id(10)]
    public bool ByPartitioner { get; init; }

    /// <summary>What failed, in the words of the task's exception (the reducer, a comparer, the spill).</summary>
    [Id(11)]
    public string? What { get; init; }

    /// <summary>Creates a configuration failure.</summary>
    public static TaskFailure Configuration(string message) => new() { Message = message };

    /// <summary>The engine's failure, carried as data.</summary>
    public static TaskFailure From(Engine.TaskFailure failure) => new()
    {
        Message = failure.Message,
        Exception = failure.Exception,
        InputIndex = failure.InputIndex,
        Key = failure.Key,
        Path = failure.Path,
        LineNumber = failure.LineNumber,
        TooManyBadRecords = failure.TooManyBadRecords,
        InputName = failure.InputName,
        Phase = failure.Phase,
        ForKey = failure.ForKey,
        ByPartitioner = failure.ByPartitioner,
        What = failure.What,
    };

    /// <summary>Back to the engine's failure, on the client.</summary>
    public Engine.TaskFailure ToEngine(int maxBadRecords) => new()
    {
        Message = Message,
        Exception = Exception,
        InputIndex = InputIndex,
        Key = Key,
        Path = Path,
        LineNumber = LineNumber,
        TooManyBadRecords = TooManyBadRecords,
        MaxBadRecords = maxBadRecords,
        InputName = InputName,
        Phase = Phase,
        ForKey = ForKey,
        ByPartitioner = ByPartitioner,
        What = What,
    };
}
