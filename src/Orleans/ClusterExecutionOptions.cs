namespace MapReduceGen.Orleans;

/// <summary>
/// How a job is run on an Orleans cluster: failure detection, retries and concurrency. The job's own settings
/// (partitions, inputs per task, cancellation, progress) stay in <see cref="MapReduceOptions"/>.
/// </summary>
public sealed class ClusterExecutionOptions
{
    private TimeSpan _taskTimeout = TimeSpan.FromSeconds(5);
    private TimeSpan _pollInterval = TimeSpan.FromSeconds(1);
    private int _maxTaskAttempts = 8;
    private int _maxConcurrentTasks;

    /// <summary>
    /// How long a call to a task's grain (start, poll, handing over a chunk) may go unanswered before the task's silo
    /// is presumed dead and the task is re-executed elsewhere. Default 5 s, well under Orleans' 30 s response timeout,
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
    /// How many map tasks (and then reduce tasks) run at once across the cluster. Default <c>0</c>: four per active
    /// silo.
    /// </summary>
    public int MaxConcurrentTasks
    {
        get => _maxConcurrentTasks;
        set => _maxConcurrentTasks = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxConcurrentTasks must be 0 (automatic) or more.");
    }

    /// <summary>
    /// Called on the coordinator (the client) when a task starts on a silo, completes, or is re-executed; for logs
    /// and monitoring. It runs inline, one event at a time (never concurrently), so it should be quick.
    /// </summary>
    public Action<ClusterTaskEvent>? TaskEvent { get; set; }
}
