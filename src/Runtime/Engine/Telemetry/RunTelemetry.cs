using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using MapReduceGen.Engine.Telemetry;

namespace MapReduceGen.Engine;

/// <summary>
/// One run's metrics, spans and observer, for executors: the local runner and the Orleans coordinator record through it,
/// and so can any other backend. The executor that coordinates a run records everything (counts as
/// <see cref="MapReduceStatistics"/> counts them, each task once); the task kit (<see cref="JobDefinition{TKey, TValue, TOutput}.RunMapTask"/>,
/// <see cref="PartitionReducer.Complete"/>) records nothing, so nothing is counted twice. Calls are made at run, phase
/// and task boundaries only; with no listener a span is never made and an instrument never recorded.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RunTelemetry : IDisposable
{
    private readonly string _jobName;
    private readonly string _executor;
    private readonly MapReduceRunObserver? _observer;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly KeyValuePair<string, object?>[] _mapTags;
    private readonly KeyValuePair<string, object?>[] _reduceTags;
    private readonly Activity? _run;
    private Activity? _map;
    private Activity? _reduce;
    private int _workers;
    private int _partitions;
    private int _ended;

    private RunTelemetry(string jobName, string executor, MapReduceRunObserver? observer)
    {
        _jobName = jobName;
        _executor = executor;
        _observer = observer;
        _mapTags = [new(Instruments.JobTag, jobName), new(Instruments.ExecutorTag, executor), new(Instruments.PhaseTag, "map")];
        _reduceTags = [new(Instruments.JobTag, jobName), new(Instruments.ExecutorTag, executor), new(Instruments.PhaseTag, "reduce")];

        // The run's span is a child of the caller's current span, and current while the run's own code runs.
        _run = Instruments.Source.StartActivity(Instruments.RunSpan);
        _run?.SetTag(Instruments.JobTag, jobName).SetTag(Instruments.ExecutorTag, executor);
    }

    /// <summary>The run's span, or <see langword="null"/> when nothing listens.</summary>
    public Activity? Activity => _run;

    /// <summary>Starts a run's telemetry: its span (when something listens) and its clock.</summary>
    /// <param name="jobName">The job's name.</param>
    /// <param name="executor">Where it runs, the <c>mapreducegen.executor</c> tag: <c>local</c>, <c>orleans</c>, or a backend's own name.</param>
    /// <param name="observer">The run's <see cref="MapReduceOptions.Observer"/>.</param>
    /// <returns>The run's telemetry; end it with <see cref="Completed"/> or <see cref="Failed"/>.</returns>
    public static RunTelemetry Start(string jobName, string executor, MapReduceRunObserver? observer)
    {
        ArgumentNullException.ThrowIfNull(jobName);
        ArgumentNullException.ThrowIfNull(executor);
        return new RunTelemetry(jobName, executor, observer);
    }

    /// <summary>
    /// Starts the span of a task that runs in another process, as a child of the span whose W3C trace context
    /// (<c>traceparent</c>, <c>tracestate</c>) the task's request carried. The span is not made current. Returns
    /// <see langword="null"/> when nothing listens or there is no parent.
    /// </summary>
    /// <param name="jobName">The job's name.</param>
    /// <param name="phase">The task's phase.</param>
    /// <param name="taskId">The task's id (a map task's, or the partition of a reduce task).</param>
    /// <param name="attempt">The attempt.</param>
    /// <param name="traceParent">The parent's <c>traceparent</c>, or <see langword="null"/>.</param>
    /// <param name="traceState">The parent's <c>tracestate</c>, or <see langword="null"/>.</param>
    /// <returns>The task's span, or <see langword="null"/>; end it with <see cref="EndTask"/>.</returns>
    public static Activity? StartRemoteTask(string jobName, MapReducePhase phase, int taskId, int attempt, string? traceParent, string? traceState)
    {
        if (traceParent is null || !Instruments.Source.HasListeners() ||
            !ActivityContext.TryParse(traceParent, traceState, isRemote: true, out ActivityContext parent))
        {
            return null;
        }

        Activity? previous = Activity.Current;
        Activity? span = Instruments.Source.StartActivity(phase == MapReducePhase.Map ? Instruments.MapTaskSpan : Instruments.ReduceTaskSpan, ActivityKind.Internal, parent);
        Activity.Current = previous;
        span?.SetTag(Instruments.JobTag, jobName).SetTag(Instruments.TaskTag, taskId).SetTag(Instruments.AttemptTag, attempt);
        return span;
    }

    /// <summary>Ends a task's span: an error status with <paramref name="error"/> when the task failed.</summary>
    /// <param name="task">The span (nothing happens for <see langword="null"/>).</param>
    /// <param name="error">Why the task failed, or <see langword="null"/> when it completed.</param>
    public static void EndTask(Activity? task, string? error)
    {
        if (task is null)
        {
            return;
        }

        if (error is null)
        {
            task.SetTag(Instruments.OutcomeTag, "completed");
        }
        else
        {
            task.SetTag(Instruments.OutcomeTag, "failed");
            task.SetStatus(ActivityStatusCode.Error, error);
        }

        // Stopping makes the span's parent current; keep whatever the caller had current unless it was this span.
        Activity? previous = Activity.Current;
        task.Stop();
        if (previous != task)
        {
            Activity.Current = previous;
        }
    }

    /// <summary>The run knows its workers and partitions: they go on its span, and the observer is told it started.</summary>
    /// <param name="workerCount">Workers (silos).</param>
    /// <param name="partitionCount">Partitions.</param>
    public void Planned(int workerCount, int partitionCount)
    {
        _workers = workerCount;
        _partitions = partitionCount;
        _run?.SetTag(Instruments.WorkersTag, workerCount).SetTag(Instruments.PartitionsTag, partitionCount);
        _observer?.RunStarted(Info());
    }

    /// <summary>Starts a phase's span (a child of the run's, made current); phases may overlap (a cluster's reduce tasks start early).</summary>
    /// <param name="phase"><see cref="MapReducePhase.Map"/> or <see cref="MapReducePhase.Reduce"/>.</param>
    public void StartPhase(MapReducePhase phase)
    {
        if (_run is null)
        {
            return;
        }

        Activity? span = StartChild(_run, phase == MapReducePhase.Map ? Instruments.MapSpan : Instruments.ReduceSpan);
        span?.SetTag(Instruments.JobTag, _jobName);
        Interlocked.Exchange(ref Slot(phase), span)?.Stop();
    }

    /// <summary>Ends a phase's span, if it was started.</summary>
    /// <param name="phase">The phase.</param>
    public void EndPhase(MapReducePhase phase) => Interlocked.Exchange(ref Slot(phase), null)?.Stop();

    /// <summary>A phase's span while it runs, or <see langword="null"/>: the parent of its tasks' spans (its <c>Id</c> is the <c>traceparent</c> to send).</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>The span.</returns>
    public Activity? PhaseActivity(MapReducePhase phase) => Volatile.Read(ref Slot(phase));

    /// <summary>
    /// Starts the span of a task that runs in this process, a child of its phase's span, made current on this thread (so
    /// spans the job's own code starts are its children). <see langword="null"/> when the phase has no span.
    /// </summary>
    /// <param name="phase">The task's phase.</param>
    /// <param name="taskId">The task's id (a worker, a partition).</param>
    /// <returns>The span; end it with <see cref="EndTask"/>.</returns>
    public Activity? StartTask(MapReducePhase phase, int taskId)
    {
        if (PhaseActivity(phase) is not { } parent)
        {
            return null;
        }

        Activity? span = StartChild(parent, phase == MapReducePhase.Map ? Instruments.MapTaskSpan : Instruments.ReduceTaskSpan);
        span?.SetTag(Instruments.JobTag, _jobName).SetTag(Instruments.TaskTag, taskId);
        return span;
    }

    /// <summary>Counts what map tasks did (once per task: a re-executed task's work is not added again).</summary>
    /// <param name="inputs">Inputs read, skipped ones included.</param>
    /// <param name="pairs">Pairs emitted.</param>
    /// <param name="bytesRead">Bytes of text read.</param>
    /// <param name="badRecords">Bad records skipped.</param>
    public void AddMapWork(long inputs, long pairs, long bytesRead, long badRecords)
    {
        Add(Instruments.InputsRead, inputs, _mapTags);
        Add(Instruments.PairsEmitted, pairs, _mapTags);
        Add(Instruments.BytesRead, bytesRead, _mapTags);
        Add(Instruments.RecordsSkipped, badRecords, _mapTags);
    }

    /// <summary>Counts bytes spilled to disk by tasks of a phase.</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="bytes">The bytes.</param>
    public void AddBytesSpilled(MapReducePhase phase, long bytes) => Add(Instruments.BytesSpilled, bytes, Tags(phase));

    /// <summary>Counts keys (or records) of the output.</summary>
    /// <param name="keys">The keys.</param>
    public void AddKeys(long keys) => Add(Instruments.Keys, keys, _reduceTags);

    /// <summary>Counts bytes of map output fetched by reduce tasks from other machines.</summary>
    /// <param name="bytes">The bytes.</param>
    public void AddShuffleBytes(long bytes) => Add(Instruments.ShuffleBytes, bytes, _reduceTags);

    /// <summary>Counts a task attempt started (executors that retry tasks).</summary>
    /// <param name="phase">The task's phase.</param>
    public void TaskAttempted(MapReducePhase phase) => Add(Instruments.TaskAttempts, 1, Tags(phase));

    /// <summary>Counts a task completed (once per task) and records its duration.</summary>
    /// <param name="phase">The task's phase.</param>
    /// <param name="duration">How long it took.</param>
    public void TaskCompleted(MapReducePhase phase, TimeSpan duration)
    {
        KeyValuePair<string, object?>[] tags = Tags(phase);
        Add(Instruments.TasksCompleted, 1, tags);
        if (Instruments.TaskDuration.Enabled)
        {
            Instruments.TaskDuration.Record(duration.TotalSeconds, tags);
        }
    }

    /// <summary>The run completed: its span ends (with the statistics' main counts), its duration is recorded, the observer is told.</summary>
    /// <param name="statistics">What the run did.</param>
    public void Completed(MapReduceStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        EndPhases();
        RecordRun("completed");
        if (_run is { } run)
        {
            run.SetTag(Instruments.OutcomeTag, "completed")
                .SetTag("mapreducegen.inputs", statistics.InputsRead)
                .SetTag("mapreducegen.pairs", statistics.PairsEmitted)
                .SetTag("mapreducegen.keys", statistics.DistinctKeys);
            run.Stop();
        }

        _observer?.RunCompleted(Info(), statistics);
    }

    /// <summary>
    /// The run failed (or was cancelled: outcome <c>cancelled</c>): its span ends with an error status, the exception as
    /// an event and <c>error.type</c>; its duration is recorded; the observer is told.
    /// </summary>
    /// <param name="exception">What the run throws.</param>
    public void Failed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        EndPhases();
        string outcome = exception is OperationCanceledException ? "cancelled" : "failed";
        RecordRun(outcome);
        if (_run is { } run)
        {
            run.SetTag(Instruments.OutcomeTag, outcome)
                .SetTag("error.type", exception.GetType().FullName)
                .SetStatus(ActivityStatusCode.Error, exception.Message)
                .AddException(exception);
            run.Stop();
        }

        try
        {
            _observer?.RunFailed(Info(), exception);
        }
#pragma warning disable CA1031 // the run's own exception is what the caller must see
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>Ends the spans of a run that was neither completed nor failed (nothing is recorded).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            EndPhases();
            _run?.Stop();
        }
    }

    private static void Add(Counter<long> counter, long value, KeyValuePair<string, object?>[] tags)
    {
        if (value != 0 && counter.Enabled)
        {
            counter.Add(value, tags);
        }
    }

    // A span that is a child of `parent` (an Activity of this process) whatever is current on this thread, made current;
    // stopping it makes `parent` current again.
    private static Activity? StartChild(Activity parent, string name)
    {
        Activity? previous = Activity.Current;
        Activity.Current = parent;
        Activity? span = Instruments.Source.StartActivity(name);
        if (span is null)
        {
            Activity.Current = previous;
        }

        return span;
    }

    private ref Activity? Slot(MapReducePhase phase) => ref phase == MapReducePhase.Map ? ref _map : ref _reduce;

    private KeyValuePair<string, object?>[] Tags(MapReducePhase phase) => phase == MapReducePhase.Map ? _mapTags : _reduceTags;

    private void EndPhases()
    {
        EndPhase(MapReducePhase.Map);
        EndPhase(MapReducePhase.Reduce);
    }

    private void RecordRun(string outcome)
    {
        if (Instruments.RunDuration.Enabled)
        {
            Instruments.RunDuration.Record(
                Stopwatch.GetElapsedTime(_started).TotalSeconds,
                [new(Instruments.JobTag, _jobName), new(Instruments.ExecutorTag, _executor), new(Instruments.OutcomeTag, outcome)]);
        }
    }

    private MapReduceRunInfo Info() => new(_jobName, _executor, _workers, _partitions, Stopwatch.GetElapsedTime(_started));
}
