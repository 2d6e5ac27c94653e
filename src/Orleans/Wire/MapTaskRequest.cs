namespace MapReduceGen.Orleans.Wire;

/// <summary>One map task as the coordinator ships it: the job, the partitioning, and the input split.</summary>
[GenerateSerializer]
[Immutable]
[Alias("MapReduceGen.Orleans.MapTaskRequest")]
internal sealed class MapTaskRequest
{
    /// <summary>The job's name (<see cref="Engine.IKeyedJob{TKey}.Name"/>), the key of the silo's registry.</summary>
    [Id(0)]
    public string JobName { get; init; } = string.Empty;

    /// <summary>The task's id in the run (the same for every attempt).</summary>
    [Id(1)]
    public int TaskId { get; init; }

    /// <summary>The number of reduce partitions.</summary>
    [Id(2)]
    public int PartitionCount { get; init; }

    /// <summary>The index of the first input of an in-memory batch in the whole input.</summary>
    [Id(3)]
    public long FirstInputIndex { get; init; }

    /// <summary>An in-memory batch: the inputs, encoded by the job's input codec; or <see langword="null"/>.</summary>
    [Id(4)]
    public byte[]? Inputs { get; init; }

    /// <summary>A text split to read (string-input jobs); or <see langword="null"/>.</summary>
    [Id(5)]
    public TextSplitSpec? Split { get; init; }

    /// <summary><see cref="MapReduceOptions.MaxBadRecords"/>: above 0, inputs whose mapping throws are skipped.</summary>
    [Id(6)]
    public int MaxBadRecords { get; init; }

    /// <summary>Which of the job's inputs (and so which mapper) the task maps: 0 for a job with one input.</summary>
    [Id(7)]
    public int InputIndex { get; init; }

    /// <summary>The run's data (<see cref="Engine.JobRunPlan.RunData"/>: parameters, split points); or <see langword="null"/>.</summary>
    [Id(8)]
    public byte[]? JobData { get; init; }

    /// <summary>The number of inputs in <see cref="Inputs"/>.</summary>
    [Id(9)]
    public int InputCount { get; init; }

    /// <summary>The bytes the task's table may hold before it spills to the silo's disk (0: the silo's default).</summary>
    [Id(10)]
    public long MemoryBudget { get; init; }

    /// <summary>Where the task spills and keeps its output on the silo (null: the silo's temporary folder).</summary>
    [Id(11)]
    public string? SpillDirectory { get; init; }

    /// <summary>The attempt (for the task's span; 0 when not sent).</summary>
    [Id(12)]
    public int Attempt { get; init; }

    /// <summary>The W3C <c>traceparent</c> of the span the task's span is a child of (the run's map phase), or <see langword="null"/> when the run is not traced.</summary>
    [Id(13)]
    public string? TraceParent { get; init; }

    /// <summary>The W3C <c>tracestate</c> that goes with <see cref="TraceParent"/>.</summary>
    [Id(14)]
    public string? TraceState { get; init; }

    /// <summary>This request for one attempt: its number and the trace context its span continues.</summary>
    public MapTaskRequest ForAttempt(int attempt, string? traceParent, string? traceState) => new()
    {
        JobName = JobName,
        TaskId = TaskId,
        PartitionCount = PartitionCount,
        FirstInputIndex = FirstInputIndex,
        Inputs = Inputs,
        Split = Split,
        MaxBadRecords = MaxBadRecords,
        InputIndex = InputIndex,
        JobData = JobData,
        InputCount = InputCount,
        MemoryBudget = MemoryBudget,
        SpillDirectory = SpillDirectory,
        Attempt = attempt,
        TraceParent = traceParent,
        TraceState = traceState,
    };

    /// <summary>This request as a task of a run with several inputs: its id in the run, its input, the run's data.</summary>
    public MapTaskRequest With(int taskId, int inputIndex, byte[]? jobData) => new()
    {
        JobName = JobName,
        TaskId = taskId,
        PartitionCount = PartitionCount,
        FirstInputIndex = FirstInputIndex,
        Inputs = Inputs,
        Split = Split,
        MaxBadRecords = MaxBadRecords,
        InputIndex = inputIndex,
        JobData = jobData,
        InputCount = InputCount,
        MemoryBudget = MemoryBudget,
        SpillDirectory = SpillDirectory,
    };
}
