namespace MapReduceGen.Orleans;

/// <summary>
/// How a job is run on an Orleans cluster: failure detection, retries, concurrency and the shuffle. The job's own
/// settings (partitions, inputs per task, cancellation, progress) stay in <see cref="MapReduceOptions"/>.
/// </summary>
/// <remarks>
/// Bind it like any Orleans option, on the client (or the silo whose grains run jobs):
/// <c>services.Configure&lt;ClusterExecutionOptions&gt;(o =&gt; o.TaskTimeout = TimeSpan.FromSeconds(10))</c>; the
/// executor in the container (<c>client.MapReduce()</c>, or <see cref="MapReduceClusterExecutor"/> injected into a
/// grain) uses those values. An instance passed to <c>client.MapReduce(options)</c> or
/// <see cref="MapReduceClusterExecutor.WithOptions"/> overrides them for the runs of that executor.
/// </remarks>
public sealed class ClusterExecutionOptions
{
    private long _taskMemoryBudget;

    /// <summary>The default <see cref="ShuffleChunkBytes"/>: 4 MiB.</summary>
    public const int DefaultShuffleChunkBytes = 4 << 20;

    private TimeSpan _taskTimeout = TimeSpan.FromSeconds(5);
    private TimeSpan _pollInterval = TimeSpan.FromSeconds(1);
    private int _maxTaskAttempts = 8;
    private int _maxConcurrentTasks;
    private int _shuffleChunkBytes = DefaultShuffleChunkBytes;
    private int _maxParallelFetches = 4;
    private double _reduceStartFraction;
    private TimeSpan _mapOutputIdleTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a call to a task's grain (start, poll, handing over locations, fetching a chunk of a map output or of
    /// results) may go unanswered before the task's silo is presumed dead and the task is re-executed elsewhere. Default 5 s, well under Orleans' 30 s response timeout,
    /// so a dead silo costs seconds. A task may run far longer than this: it is polled, and each poll is answered
    /// within <see cref="PollInterval"/> while the task runs.
    /// </summary>
    public TimeSpan TaskTimeout
    {
        get => _taskTimeout;
        set => _taskTimeout = value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "TaskTimeout must be positive.");
    }

    /// <summary>How long a poll waits for a running task before it answers "still running". Default 1 s.</summary>
    public TimeSpan PollInterval
    {
        get => _pollInterval;
        set => _pollInterval = value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "PollInterval must be positive.");
    }

    /// <summary>
    /// How many times a task is tried before the run fails (each attempt is a fresh grain activation, which Orleans
    /// places on a live silo). Default 8: with the growing delay between attempts (0.25 s doubling up to
    /// <see cref="TaskTimeout"/>) a task's retries span about 20 s, longer than Orleans' membership takes to declare a
    /// dead silo dead. Failures of user code are not retried: they would fail the same way.
    /// </summary>
    public int MaxTaskAttempts
    {
        get => _maxTaskAttempts;
        set => _maxTaskAttempts = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxTaskAttempts must be at least 1.");
    }

    /// <summary>
    /// How many map tasks run at once across the cluster, and how many reduce tasks (a separate budget: reduce tasks
    /// wait for map outputs, so they never hold up map tasks). Default <c>0</c>: four per active silo.
    /// </summary>
    public int MaxConcurrentTasks
    {
        get => _maxConcurrentTasks;
        set => _maxConcurrentTasks = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxConcurrentTasks must be 0 (automatic) or more.");
    }

    /// <summary>
    /// The largest piece of data one call carries in the shuffle: a reduce task fetches a map output, and the
    /// coordinator fetches a partition's results, in chunks of at most this many bytes, one call after the other, so
    /// no message approaches Orleans' maximum message size whatever the size of the data. Default 4 MiB; between
    /// 1 KiB and 64 MiB.
    /// </summary>
    public int ShuffleChunkBytes
    {
        get => _shuffleChunkBytes;
        set => _shuffleChunkBytes = value is >= 1024 and <= 64 << 20
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "ShuffleChunkBytes must be between 1 KiB and 64 MiB.");
    }

    /// <summary>
    /// How many map outputs one reduce task fetches at once (each one chunk at a time). Default 4. With
    /// <see cref="ShuffleChunkBytes"/> it bounds the data in flight towards a reduce task.
    /// </summary>
    public int MaxParallelFetches
    {
        get => _maxParallelFetches;
        set => _maxParallelFetches = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxParallelFetches must be at least 1.");
    }

    /// <summary>
    /// The fraction of map tasks that must have completed before the reduce tasks start (they then fetch map outputs as
    /// the other map tasks complete). Default 0: as soon as the first map task completes. 1 starts them when every map
    /// task has completed. A fraction above 0 of a lazily read input sequence waits until the sequence is read to its
    /// end (only then is the number of map tasks known).
    /// </summary>
    public double ReduceStartFraction
    {
        get => _reduceStartFraction;
        set => _reduceStartFraction = value is >= 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "ReduceStartFraction must be between 0 and 1.");
    }

    /// <summary>
    /// How long a silo keeps a completed map task's output after the last fetch when the run does not release it
    /// (its coordinator died). The coordinator releases every output when the run ends. Default 10 minutes.
    /// </summary>
    public TimeSpan MapOutputIdleTimeout
    {
        get => _mapOutputIdleTimeout;
        set => _mapOutputIdleTimeout = value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MapOutputIdleTimeout must be positive.");
    }

    /// <summary>
    /// Called on the coordinator when a task starts on a silo, completes, is re-executed, or loses its output; for
    /// monitoring (the same is logged through <c>ILogger</c>). It runs inline, one event at a time (never concurrently),
    /// so it should be quick.
    /// </summary>
    public Action<ClusterTaskEvent>? TaskEvent { get; set; }

    /// <summary>
    /// The bytes one task may hold on its silo before it moves what it holds to the silo's local disk: a map task's table
    /// (spilled as sorted runs, merged into one sorted output per partition when the task ends, and served to the reduce
    /// tasks from there), a reduce task's fetched map output. Default <c>0</c>: half of what the silo's GC says it may use,
    /// shared by four tasks.
    /// </summary>
    public long TaskMemoryBudget
    {
        get => _taskMemoryBudget;
        set => _taskMemoryBudget = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "TaskMemoryBudget must be 0 (each silo's default) or a number of bytes.");
    }

    /// <summary>Where tasks write to disk on their silo (a path on each silo); <see langword="null"/>: each silo's temporary folder.</summary>
    public string? SpillDirectory { get; set; }

    /// <summary>Called on the coordinator when a run completes, with what it did (also logged).</summary>
    public Action<ClusterRunSummary>? RunCompleted { get; set; }

    /// <summary>A copy of these options.</summary>
    /// <returns>The copy.</returns>
    public ClusterExecutionOptions Clone() => (ClusterExecutionOptions)MemberwiseClone();
}
