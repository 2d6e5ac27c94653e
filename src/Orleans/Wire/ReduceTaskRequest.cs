namespace MapReduceGen.Orleans.Wire;

/// <summary>One attempt of one partition's reduce task, as the coordinator starts it.</summary>
[GenerateSerializer]
[Immutable]
[Alias("MapReduceGen.Orleans.ReduceTaskRequest")]
internal sealed class ReduceTaskRequest
{
    /// <summary>The job's name, the key of the silo's registry.</summary>
    [Id(0)]
    public string JobName { get; init; } = string.Empty;

    /// <summary>The partition this task reduces.</summary>
    [Id(1)]
    public int Partition { get; init; }

    /// <summary>The largest chunk of a map output fetched in one call.</summary>
    [Id(2)]
    public int FetchChunkBytes { get; init; }

    /// <summary>How many map outputs the task fetches at once.</summary>
    [Id(3)]
    public int MaxParallelFetches { get; init; }

    /// <summary>A fetch call unanswered this long means the map output's silo is presumed gone.</summary>
    [Id(4)]
    public TimeSpan FetchTimeout { get; init; }

    /// <summary>Where to write the partition's results; <see langword="null"/> to keep them for the coordinator to fetch.</summary>
    [Id(5)]
    public PartitionFileSpec? File { get; init; }

    /// <summary>The attempt (for file names of work in progress and for logs).</summary>
    [Id(6)]
    public int Attempt { get; init; }

    /// <summary>The run's id (for logs).</summary>
    [Id(7)]
    public string RunId { get; init; } = string.Empty;

    /// <summary>How long a completed task keeps its results for the coordinator without being asked for them.</summary>
    [Id(8)]
    public TimeSpan IdleTimeout { get; init; }

    /// <summary>The run's data (<see cref="Engine.JobRunPlan.RunData"/>: parameters, split points); or <see langword="null"/>.</summary>
    [Id(9)]
    public byte[]? JobData { get; init; }

    /// <summary>The run's number of partitions.</summary>
    [Id(10)]
    public int PartitionCount { get; init; }

    /// <summary>The bytes of fetched map output the task may hold before it moves them to the silo's disk (0: the silo's default).</summary>
    [Id(11)]
    public long MemoryBudget { get; init; }

    /// <summary>Where the task keeps what it moves to disk on the silo (null: the silo's temporary folder).</summary>
    [Id(12)]
    public string? SpillDirectory { get; init; }

    /// <summary>The W3C <c>traceparent</c> of the span the task's span is a child of (the run's reduce phase), or <see langword="null"/> when the run is not traced.</summary>
    [Id(13)]
    public string? TraceParent { get; init; }

    /// <summary>The W3C <c>tracestate</c> that goes with <see cref="TraceParent"/>.</summary>
    [Id(14)]
    public string? TraceState { get; init; }
}

/// <summary>
/// The reduce task writes its partition as one file into the run's work directory (<see cref="Engine.MapReduceOutputFiles"/>),
/// which every silo can reach; the coordinator commits the files when every partition is written.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("MapReduceGen.Orleans.PartitionFileSpec")]
internal sealed class PartitionFileSpec
{
    /// <summary>The run's work directory.</summary>
    [Id(0)]
    public string WorkDirectory { get; init; } = string.Empty;

    /// <summary>The format (<see cref="MapReduceFileFormat"/> as its number).</summary>
    [Id(1)]
    public int Format { get; init; }
}
