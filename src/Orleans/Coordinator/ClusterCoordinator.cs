using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;
using MapReduceGen.Engine;
using MapReduceGen.Orleans.Grains;
using MapReduceGen.Orleans.Placement;
using MapReduceGen.Orleans.Wire;
using Microsoft.Extensions.Logging;
using TaskFailure = MapReduceGen.Orleans.Wire.TaskFailure;

namespace MapReduceGen.Orleans.Coordinator;

/// <summary>
/// The master of the MapReduce paper, on the client (or in a grain). It handles task ids, locations and status only:
/// it hands map tasks to grains (a fresh grain key per attempt, so Orleans places each attempt on a live silo), polls
/// them as heartbeats, re-executes a task whose silo stops answering, and accepts exactly one output per map task. The
/// output stays on the map task's silo; the coordinator hands its location to every reduce task (started once the
/// first map outputs exist, so fetching overlaps the map phase), and each reduce task fetches its partition silo to
/// silo. A reduce task that cannot fetch an output reports it lost: the map task runs again and the reduce tasks that
/// still need it fetch from the new attempt. A reduce task lost with its silo starts again on a fresh key and fetches
/// every output again (outputs are released only when the run ends).
/// </summary>
internal sealed partial class ClusterCoordinator(
    IGrainFactory grains,
    ClusterExecutionOptions cluster,
    MapReduceOptions options,
    ILogger logger,
    string jobName,
    int partitionCount,
    int maxConcurrentTasks,
    Func<TaskFailure, Exception> mapFailure,
    Func<TaskFailure, Exception> reduceFailure,
    RunTelemetry telemetry,
    byte[]? jobData = null)
{
    private readonly Stopwatch _clock = new();
    private readonly Lock _gate = new();
    private readonly Lock _eventLock = new();
    // Suspected silos and their failed attempts since they last completed a task (see Suspect).
    private readonly Dictionary<string, int> _suspects = new(StringComparer.Ordinal);
    private readonly List<MapTaskState> _maps = [];
    private readonly Queue<MapTaskState> _rerun = new();
    private readonly List<Accepted> _acceptedLog = [];
    private readonly List<SkippedRecord> _skipped = [];
    private readonly Dictionary<string, long> _counters = new(StringComparer.Ordinal);
    private TaskCompletionSource _news = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _fatal;
    private TimeSpan? _lastProgress;
    private TimeSpan? _mapTime;
    private bool _sourceEnded;
    private int _mapTaskCount = -1;
    private int _completedOnce;
    private int _mapAttempts;
    private int _reduceAttempts;
    private int _lostOutputs;
    private int _partitionsReduced;
    private long _inputsRead;
    private long _pairsEmitted;
    private long _bytesSpilled;
    private long _bytesRead;
    private long _skippedCount;
    private long _mapOutputBytes;
    private long _shuffleBytes;
    private long _resultBytes;
    private long _distinctKeys;
    private long? _totalBytes;

    public string RunId { get; } = Guid.NewGuid().ToString("N");

    public async Task<ClusterRunOutcome> RunAsync(IMapTaskSource tasks, IPartitionSink sink, CancellationToken cancellationToken)
    {
        _clock.Start();
        _totalBytes = tasks.TotalBytes;
        LogRunStarted(logger, RunId, jobName, partitionCount, maxConcurrentTasks);
        telemetry.StartPhase(MapReducePhase.Map);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var mapRuns = new Dictionary<Task<MapAttemptResult>, MapTaskState>();
        var reduceRuns = new Dictionary<Task, int>();
        int nextPartition = 0;
        int partitionsDone = 0;
        Exception? failure = null;
        try
        {
            while (true)
            {
                while (failure is null && mapRuns.Count < maxConcurrentTasks && TryNextMap(tasks, out var map))
                {
                    mapRuns.Add(RunMapTaskAsync(map, stop.Token), map);
                }

                while (failure is null && reduceRuns.Count < maxConcurrentTasks && nextPartition < partitionCount && ReduceMayStart())
                {
                    if (nextPartition == 0)
                    {
                        telemetry.StartPhase(MapReducePhase.Reduce);
                    }

                    int partition = nextPartition++;
                    reduceRuns.Add(RunReduceTaskAsync(partition, sink, stop.Token), partition);
                }

                failure ??= TakeFatal();
                if (failure is not null && !stop.IsCancellationRequested)
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                }

                if (mapRuns.Count == 0 && reduceRuns.Count == 0 && (failure is not null || partitionsDone == partitionCount))
                {
                    break;
                }

                Task wake;
                lock (_gate)
                {
                    wake = _wake.Task;
                }

                var done = await Task.WhenAny(mapRuns.Keys.Cast<Task>().Concat(reduceRuns.Keys).Append(wake)).ConfigureAwait(false);
                if (done == wake)
                {
                    continue;
                }

                if (done is Task<MapAttemptResult> mapRun && mapRuns.Remove(mapRun, out var finished))
                {
                    if (mapRun.IsCompletedSuccessfully)
                    {
                        if (failure is null)
                        {
                            failure = Accept(finished, mapRun.Result);
                        }
                    }
                    else
                    {
                        failure ??= mapRun.Exception?.GetBaseException() ?? new OperationCanceledException(cancellationToken);
                    }
                }
                else if (reduceRuns.Remove(done, out _))
                {
                    if (done.IsCompletedSuccessfully)
                    {
                        partitionsDone++;
                    }
                    else
                    {
                        failure ??= done.Exception?.GetBaseException() ?? new OperationCanceledException(cancellationToken);
                    }
                }
            }
        }
        catch (Exception e) when (failure is null)
        {
            // The input sequence threw: stop the tasks in flight, then report it.
            failure = e;
            await stop.CancelAsync().ConfigureAwait(false);
            await ((Task)Task.WhenAll(mapRuns.Keys.Cast<Task>().Concat(reduceRuns.Keys))).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            ReleaseMapOutputs();
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (failure is not null)
        {
            LogRunFailed(logger, RunId, jobName, failure.GetType().Name, failure.Message);
            ExceptionDispatchInfo.Throw(failure);
        }

        var total = _clock.Elapsed;
        var mapTime = _mapTime ?? total;
        Report(MapReducePhase.Completed, force: true);
        LogRunCompleted(
            logger, RunId, jobName, total.TotalMilliseconds, _maps.Count, _mapAttempts, _lostOutputs, partitionCount,
            _reduceAttempts, _mapOutputBytes, _shuffleBytes, _resultBytes);
        return new ClusterRunOutcome
        {
            RunId = RunId,
            InputsRead = _inputsRead,
            PairsEmitted = _pairsEmitted,
            BytesSpilled = _bytesSpilled,
            BytesRead = _bytesRead,
            SkippedRecords = [.. _skipped],
            BadRecordsSkipped = _skippedCount,
            DistinctKeys = _distinctKeys,
            MapTime = mapTime,
            ReduceTime = total - mapTime,
            MapTasks = _maps.Count,
            MapAttempts = _mapAttempts,
            LostMapOutputs = _lostOutputs,
            ReduceAttempts = _reduceAttempts,
            MapOutputBytes = _mapOutputBytes,
            ShuffleBytes = _shuffleBytes,
            ResultBytes = _resultBytes,
            Counters = _counters,
        };
    }

    // A map task to run: first the ones whose output was lost, then the next of the input.
    private bool TryNextMap(IMapTaskSource tasks, out MapTaskState map)
    {
        lock (_gate)
        {
            if (_rerun.TryDequeue(out map!))
            {
                return true;
            }

            if (_sourceEnded)
            {
                return false;
            }
        }

        if (tasks.TryNext(partitionCount, out var request, out string description))
        {
            map = new MapTaskState(request, description);
            lock (_gate)
            {
                _maps.Add(map);
            }

            return true;
        }

        bool mapEnded;
        lock (_gate)
        {
            _sourceEnded = true;
            _mapTaskCount = _maps.Count;
            mapEnded = _completedOnce == _mapTaskCount && _mapTime is null;
            if (mapEnded)
            {
                _mapTime = _clock.Elapsed;
            }

            News();
        }

        if (mapEnded)
        {
            telemetry.EndPhase(MapReducePhase.Map);
        }

        map = null!;
        return false;
    }

    private bool ReduceMayStart()
    {
        lock (_gate)
        {
            if (_sourceEnded && _mapTaskCount == 0)
            {
                return true;
            }

            if (_completedOnce == 0)
            {
                return false;
            }

            double fraction = cluster.ReduceStartFraction;
            return fraction <= 0 || (_sourceEnded && _completedOnce >= Math.Ceiling(fraction * _mapTaskCount));
        }
    }

    private Exception? TakeFatal()
    {
        lock (_gate)
        {
            return _fatal;
        }
    }

    // The first (and only) accepted output of a task is counted; a later one (the task ran again because its output
    // was lost) only replaces the location.
    private MapReduceException? Accept(MapTaskState map, MapAttemptResult result)
    {
        var output = result.Output;
        bool counted = false;
        bool mapEnded = false;
        MapReduceException? tooMany = null;
        lock (_gate)
        {
            map.Accepted = new Accepted(map.Request.TaskId, result.Attempt, result.GrainKey, output.Silo, output.PartitionBytes);
            map.Rerunning = false;
            _acceptedLog.Add(map.Accepted);
            if (!map.Counted)
            {
                map.Counted = true;
                counted = true;
                _completedOnce++;
                AddCounters(output.Counters);
                _inputsRead += output.InputsRead;
                _pairsEmitted += output.PairsEmitted;
                _bytesSpilled += output.BytesSpilled;
                _bytesRead += output.BytesRead;
                _mapOutputBytes += output.TotalBytes;
                _skippedCount += output.SkippedCount;
                foreach (var skipped in output.Skipped)
                {
                    if (_skipped.Count < MapReduceStatistics.SkippedRecordsKept)
                    {
                        _skipped.Add(skipped.ToRecord());
                    }
                }

                if (_sourceEnded && _completedOnce == _mapTaskCount && _mapTime is null)
                {
                    _mapTime = _clock.Elapsed;
                    mapEnded = true;
                }
            }

            News();
            if (options.MaxBadRecords > 0 && _skippedCount > options.MaxBadRecords)
            {
                var last = output.Skipped.Length > 0 ? output.Skipped[^1].ToRecord() : _skipped[^1];
                tooMany = MapReduceException.ForTooManyBadRecords(jobName, options.MaxBadRecords, last);
            }
        }

        if (counted)
        {
            // Counted as the statistics count it: once per map task, at its first accepted output.
            telemetry.AddMapWork(output.InputsRead, output.PairsEmitted, output.BytesRead, output.SkippedCount);
            telemetry.AddBytesSpilled(MapReducePhase.Map, output.BytesSpilled);
            telemetry.TaskCompleted(MapReducePhase.Map, output.Duration);
        }

        if (mapEnded)
        {
            telemetry.EndPhase(MapReducePhase.Map);
        }

        if (tooMany is not null)
        {
            return tooMany;
        }

        Report(MapReducePhase.Map, force: false);
        return null;
    }

    // A reduce task could not fetch these outputs: their silo is gone. Each is run again (once, however many reduce
    // tasks report it), away from that silo; the reduce tasks get the new location when it completes.
    private void OnOutputsLost(int partition, MapOutputLocation[] lost)
    {
        lock (_gate)
        {
            foreach (var location in lost)
            {
                if ((uint)location.TaskId >= (uint)_maps.Count)
                {
                    continue;
                }

                var map = _maps[location.TaskId];
                if (map.Accepted is not { } accepted || accepted.Attempt != location.Attempt || map.Rerunning)
                {
                    continue; // already being run again, or a newer output is on its way to the reduce task
                }

                map.Accepted = null;
                map.Rerunning = true;
                map.Losses++;
                _lostOutputs++;
                SuspectLocked(location.Silo);
                if (map.Losses > cluster.MaxTaskAttempts)
                {
                    _fatal ??= new MapReduceClusterException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"MapReduce job '{jobName}' failed on the cluster: the output of map task {location.TaskId} ({map.Description}) was lost {map.Losses} times."));
                }
                else
                {
                    _rerun.Enqueue(map);
                }

                LogOutputLost(logger, RunId, location.TaskId, location.Attempt, location.Silo, partition);
                Raise(ClusterTaskEventKind.OutputLost, MapReducePhase.Map, location.TaskId, location.Attempt, location.Silo,
                    string.Create(CultureInfo.InvariantCulture, $"the reduce task of partition {partition} could not fetch its output"));
            }

            Wake();
        }
    }

    private async Task<MapAttemptResult> RunMapTaskAsync(MapTaskState map, CancellationToken token)
    {
        await Task.Yield();
        var request = map.Request;
        Exception? last = null;
        for (int tries = 1; tries <= cluster.MaxTaskAttempts; tries++)
        {
            int attempt = Interlocked.Increment(ref map.Attempts);
            Interlocked.Increment(ref _mapAttempts);
            telemetry.TaskAttempted(MapReducePhase.Map);
            string key = Key('m', request.TaskId, attempt);
            var grain = grains.GetGrain<IMapTaskGrain>(key);
            string? silo = null;
            var clock = Stopwatch.StartNew();
            try
            {
                AvoidSuspects();
                // The task's span on its silo continues the map phase's (the run's, for a task run again after it).
                Activity? parent = telemetry.PhaseActivity(MapReducePhase.Map) ?? telemetry.Activity;
                var started = await grain.Start(request.ForAttempt(attempt, parent?.Id, parent?.TraceStateString), cluster.MapOutputIdleTimeout)
                    .WaitAsync(cluster.TaskTimeout, token).ConfigureAwait(false);
                silo = started.Silo;
                ThrowIfUnsuccessful(started.State, started.Failure, mapFailure);
                Raise(ClusterTaskEventKind.Started, MapReducePhase.Map, request.TaskId, attempt, silo, map.Description);
                while (true)
                {
                    var report = await PollAsync(() => grain.Poll(cluster.PollInterval), token).ConfigureAwait(false);
                    ThrowIfUnsuccessful(report.State, report.Failure, mapFailure);
                    if (report.State == TaskState.Completed)
                    {
                        var output = report.Output ?? throw new MapReduceClusterException($"Map task {request.TaskId} completed without output.");
                        Trust(report.Silo);
                        LogMapCompleted(logger, RunId, request.TaskId, attempt, report.Silo, clock.Elapsed.TotalMilliseconds, output.Duration.TotalMilliseconds, output.TotalBytes);
                        Raise(ClusterTaskEventKind.Completed, MapReducePhase.Map, request.TaskId, attempt, report.Silo, map.Description);
                        return new MapAttemptResult(attempt, key, output);
                    }
                }
            }
            catch (Exception e) when (IsRetryable(e, token))
            {
                last = e;
                Suspect(silo ?? SiloNamedIn(e));
                Forget(grain.Release());
                if (tries < cluster.MaxTaskAttempts)
                {
                    LogRetrying(logger, RunId, "map", request.TaskId, attempt, silo ?? "?", Describe(e));
                    Raise(ClusterTaskEventKind.Retrying, MapReducePhase.Map, request.TaskId, attempt, silo, Describe(e));
                    await Task.Delay(RetryDelay(tries), token).ConfigureAwait(false);
                }
            }
            catch
            {
                Forget(grain.Release());
                throw;
            }
        }

        throw GaveUp($"map task {request.TaskId} ({map.Description})", last!);
    }

    private async Task RunReduceTaskAsync(int partition, IPartitionSink sink, CancellationToken token)
    {
        await Task.Yield();
        Exception? last = null;
        string description = string.Create(CultureInfo.InvariantCulture, $"partition {partition}");
        for (int attempt = 1; attempt <= cluster.MaxTaskAttempts; attempt++)
        {
            Interlocked.Increment(ref _reduceAttempts);
            telemetry.TaskAttempted(MapReducePhase.Reduce);
            Activity? parent = telemetry.PhaseActivity(MapReducePhase.Reduce) ?? telemetry.Activity;
            // A new key per attempt: a fresh, empty activation that Orleans places on a live silo; it fetches every map
            // output again (the outputs stay on their silos until the run ends).
            var grain = grains.GetGrain<IReduceTaskGrain>(Key('r', partition, attempt));
            string? silo = null;
            var clock = Stopwatch.StartNew();
            Task<ReduceTaskReport>? poll = null;
            try
            {
                AvoidSuspects();
                var started = await grain.Start(new ReduceTaskRequest
                {
                    JobName = jobName,
                    Partition = partition,
                    FetchChunkBytes = cluster.ShuffleChunkBytes,
                    MaxParallelFetches = cluster.MaxParallelFetches,
                    FetchTimeout = cluster.TaskTimeout,
                    File = sink.File,
                    Attempt = attempt,
                    RunId = RunId,
                    IdleTimeout = cluster.MapOutputIdleTimeout,
                    JobData = jobData,
                    PartitionCount = partitionCount,
                    MemoryBudget = cluster.TaskMemoryBudget,
                    SpillDirectory = cluster.SpillDirectory,
                    TraceParent = parent?.Id,
                    TraceState = parent?.TraceStateString,
                }).WaitAsync(cluster.TaskTimeout, token).ConfigureAwait(false);
                silo = started.Silo;
                ThrowIfUnsuccessful(started.State, started.Failure, reduceFailure);
                Raise(ClusterTaskEventKind.Started, MapReducePhase.Reduce, partition, attempt, silo, description);

                var (sources, count, cursor, news) = Snapshot(partition);
                int sentCount = -2;
                while (true)
                {
                    if (sources.Length > 0 || count != sentCount)
                    {
                        var added = await grain.AddSources(sources, count).WaitAsync(cluster.TaskTimeout, token).ConfigureAwait(false);
                        sentCount = count;
                        if (Handle(partition, added) is { } completedEarly)
                        {
                            await DeliverAsync(partition, grain, completedEarly, sink, token).ConfigureAwait(false);
                            Finish(partition, attempt, grain, completedEarly, description, clock);
                            return;
                        }
                    }

                    poll ??= PollAsync(() => grain.Poll(cluster.PollInterval), token);
                    if (await Task.WhenAny(poll, news).ConfigureAwait(false) == poll)
                    {
                        var report = await poll.ConfigureAwait(false);
                        poll = null;
                        if (Handle(partition, report) is { } completed)
                        {
                            await DeliverAsync(partition, grain, completed, sink, token).ConfigureAwait(false);
                            Finish(partition, attempt, grain, completed, description, clock);
                            return;
                        }
                    }

                    (sources, count, news) = TakeNews(partition, ref cursor);
                }
            }
            catch (Exception e) when (IsRetryable(e, token))
            {
                last = e;
                if (poll is not null)
                {
                    Forget(poll);
                }

                Suspect(silo ?? SiloNamedIn(e));
                Forget(grain.Release());
                if (attempt < cluster.MaxTaskAttempts)
                {
                    LogRetrying(logger, RunId, "reduce", partition, attempt, silo ?? "?", Describe(e));
                    Raise(ClusterTaskEventKind.Retrying, MapReducePhase.Reduce, partition, attempt, silo, Describe(e));
                    await Task.Delay(RetryDelay(attempt), token).ConfigureAwait(false);
                }
            }
            catch
            {
                if (poll is not null)
                {
                    Forget(poll);
                }

                Forget(grain.Release());
                throw;
            }
        }

        throw GaveUp(string.Create(CultureInfo.InvariantCulture, $"the reduce task of partition {partition}"), last!);
    }

    // Throws for a failed, faulted or lost task; passes on outputs it could not fetch; returns the report when completed.
    private ReduceTaskReport? Handle(int partition, ReduceTaskReport report)
    {
        ThrowIfUnsuccessful(report.State, report.Failure, reduceFailure);
        if (report.LostOutputs.Length > 0)
        {
            OnOutputsLost(partition, report.LostOutputs);
        }

        return report.State == TaskState.Completed ? report : null;
    }

    private Task DeliverAsync(int partition, IReduceTaskGrain grain, ReduceTaskReport report, IPartitionSink sink, CancellationToken token) =>
        sink.DeliverAsync(partition, report, t => FetchResultAsync(grain, report.ResultBytes, t), token);

    // A partition's results, chunk by chunk (no message carries more than ShuffleChunkBytes).
    private async Task<byte[]> FetchResultAsync(IReduceTaskGrain grain, long size, CancellationToken token)
    {
        var buffer = new byte[size];
        long offset = 0;
        while (offset < buffer.Length)
        {
            var chunk = await grain.FetchResult(offset, cluster.ShuffleChunkBytes).WaitAsync(cluster.TaskTimeout, token).ConfigureAwait(false);
            if (!chunk.Found)
            {
                throw new TaskLostException("The reduce task's results were lost with its silo.");
            }

            if (chunk.TotalBytes != buffer.Length || chunk.Data.Length == 0 || offset + chunk.Data.Length > buffer.Length)
            {
                throw new InvalidDataException("A reduce task's results changed size while being fetched.");
            }

            chunk.Data.CopyTo(buffer, offset);
            offset += chunk.Data.Length;
        }

        Interlocked.Add(ref _resultBytes, buffer.Length);
        return buffer;
    }

    private void Finish(int partition, int attempt, IReduceTaskGrain grain, ReduceTaskReport report, string description, Stopwatch clock)
    {
        Forget(grain.Release());
        Trust(report.Silo);
        lock (_gate)
        {
            _partitionsReduced++;
            _shuffleBytes += report.FetchedBytes;
            _distinctKeys += report.KeyCount;
            _bytesSpilled += report.BytesSpilled;
            AddCounters(report.Counters);
        }

        telemetry.AddShuffleBytes(report.FetchedBytes);
        telemetry.AddKeys(report.KeyCount);
        telemetry.AddBytesSpilled(MapReducePhase.Reduce, report.BytesSpilled);
        telemetry.TaskCompleted(MapReducePhase.Reduce, clock.Elapsed);
        LogReduceCompleted(logger, RunId, partition, attempt, report.Silo, clock.Elapsed.TotalMilliseconds, report.Merged, report.FetchedBytes, report.KeyCount);
        Raise(ClusterTaskEventKind.Completed, MapReducePhase.Reduce, partition, attempt, report.Silo, description);
        Report(MapReducePhase.Reduce, force: false);
    }

    // Every accepted output's location for a (re)started reduce task, and where it stands in the log of acceptances.
    private (MapOutputLocation[] Sources, int Count, int Cursor, Task News) Snapshot(int partition)
    {
        lock (_gate)
        {
            var sources = new List<MapOutputLocation>(_maps.Count);
            foreach (var map in _maps)
            {
                if (map.Accepted is { } accepted)
                {
                    sources.Add(accepted.For(partition));
                }
            }

            return ([.. sources], _sourceEnded ? _mapTaskCount : -1, _acceptedLog.Count, _news.Task);
        }
    }

    // The outputs accepted since the cursor, and the task count once the input is read to its end.
    private (MapOutputLocation[] Sources, int Count, Task News) TakeNews(int partition, ref int cursor)
    {
        lock (_gate)
        {
            var sources = new MapOutputLocation[_acceptedLog.Count - cursor];
            for (int i = 0; i < sources.Length; i++)
            {
                sources[i] = _acceptedLog[cursor + i].For(partition);
            }

            cursor = _acceptedLog.Count;
            return (sources, _sourceEnded ? _mapTaskCount : -1, _news.Task);
        }
    }

    // Called under _gate: wakes the reduce runners (new locations or the task count) and the main loop.
    private void News()
    {
        var news = _news;
        _news = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        news.TrySetResult();
        Wake();
    }

    private void Wake()
    {
        var wake = _wake;
        _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        wake.TrySetResult();
    }

    private void ReleaseMapOutputs()
    {
        lock (_gate)
        {
            foreach (var map in _maps)
            {
                if (map.Accepted is { } accepted)
                {
                    Forget(grains.GetGrain<IMapTaskGrain>(accepted.GrainKey).Release());
                }
            }
        }
    }

    // A poll that fails is tried once more before the attempt is given up: when a silo dies, the calls the client had
    // in flight through that silo's gateway are lost even for tasks on live silos, and the next call takes another
    // route. A task whose own silo died fails the second poll too (fast, once Orleans knows the silo is gone: the
    // connection is refused or a fresh activation answers "lost").
    private async Task<TReport> PollAsync<TReport>(Func<Task<TReport>> poll, CancellationToken token)
    {
        var deadline = cluster.PollInterval + cluster.TaskTimeout;
        try
        {
            return await poll().WaitAsync(deadline, token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not TaskLostException && IsRetryable(e, token))
        {
            return await poll().WaitAsync(deadline, token).ConfigureAwait(false);
        }
    }

    // Sums a task's user counters into the run's (called under the lock).
    private void AddCounters(Dictionary<string, long>? counters)
    {
        foreach (KeyValuePair<string, long> pair in counters ?? [])
        {
            _counters[pair.Key] = _counters.GetValueOrDefault(pair.Key) + pair.Value;
        }
    }

    private string Key(char kind, int id, int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"{RunId}/{kind}{id}/{attempt}");

    private static void ThrowIfUnsuccessful(TaskState state, TaskFailure? failure, Func<TaskFailure, Exception> userFailure)
    {
        switch (state)
        {
            case TaskState.Failed:
                throw userFailure(failure ?? new TaskFailure { Message = "The task failed." });
            case TaskState.Faulted:
                throw new MapReduceClusterException(failure?.Message ?? "The silo cannot run the task.");
            case TaskState.Lost:
                throw new TaskLostException();
        }
    }

    // Retry what the cluster did (timeouts, dead or unreachable silos, lost activations), never what user code or the
    // job's configuration did: those would fail the same way again.
    private static bool IsRetryable(Exception e, CancellationToken token) =>
        e is not (MapReduceException or MapReduceClusterException) &&
        !(e is OperationCanceledException && token.IsCancellationRequested);

    // 0.25 s, 0.5 s, 1 s, ... up to TaskTimeout: with the default 8 attempts the retries of one task span about 20 s,
    // longer than Orleans' membership takes to declare a dead silo dead (about 15 s by default), so a task whose
    // placements keep landing on a dead silo outlives the time that silo still counts as active.
    private TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(250 * Math.Pow(2, attempt - 1), cluster.TaskTimeout.TotalMilliseconds));

    // When an attempt fails before its grain said where it runs (the placed silo refused the connection), Orleans
    // names that silo only in the message ("Unable to connect to S127.0.0.1:11112:154606118"): suspect it too, or
    // placement would keep choosing it while membership still counts it as active.
    internal static string? SiloNamedIn(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            Match match = SiloAddressPattern().Match(current.Message);
            if (match.Success)
            {
                return match.Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"S\d{1,3}(\.\d{1,3}){3}:\d+:\d+|S\[[0-9A-Fa-f:.]+\]:\d+:\d+")]
    private static partial Regex SiloAddressPattern();

    // A silo on which an attempt failed is avoided by later placements for the rest of the run (the placement
    // director falls back to the silos with the fewest failures if all are suspected): Orleans' membership may count a
    // dead silo as active for several seconds more (or, with most of the cluster gone, until its entries go stale), and
    // random placement would otherwise keep choosing it. Each failure counts, so a dead silo, which fails every attempt
    // placed on it, stays behind a live silo that timed out once under load.
    private void Suspect(string? silo)
    {
        lock (_gate)
        {
            SuspectLocked(silo);
        }
    }

    private void SuspectLocked(string? silo)
    {
        if (silo is null || silo.Length == 0)
        {
            return;
        }

        int failures = _suspects.GetValueOrDefault(silo) + 1;
        _suspects[silo] = failures;
        if (failures == 1)
        {
            LogSuspected(logger, RunId, silo);
        }
    }

    // A silo that completes a task is alive after all (its earlier failure was, say, a lost message).
    private void Trust(string silo)
    {
        lock (_gate)
        {
            _suspects.Remove(silo);
        }
    }

    // Request context flows with the calls of this task's attempt only (it is async-local), to the silo that places
    // the new activation: each suspect with its count of failures ("S127.0.0.1:11112:1234=3|...").
    private void AvoidSuspects()
    {
        string avoid;
        lock (_gate)
        {
            avoid = string.Join('|', _suspects.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}={s.Value}")));
        }

        if (avoid.Length > 0)
        {
            RequestContext.Set(TaskPlacementDirector.AvoidKey, avoid);
        }
        else
        {
            RequestContext.Remove(TaskPlacementDirector.AvoidKey);
        }
    }

    private static string Describe(Exception e) =>
        e switch
        {
            TimeoutException => "the silo did not answer within the task timeout",
            TaskLostException => "the task's activation was lost with its silo",
            _ => $"{e.GetType().Name}: {FirstLine(e.Message)}",
        };

    private static string FirstLine(string message)
    {
        int end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private MapReduceClusterException GaveUp(string what, Exception last) =>
        new(
            string.Create(
                CultureInfo.InvariantCulture,
                $"MapReduce job '{jobName}' failed on the cluster: {what} did not complete in {cluster.MaxTaskAttempts} attempts; ") +
            $"the last attempt failed with {last.GetType().Name}: {last.Message}",
            last);

    private static void Forget(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private void Raise(ClusterTaskEventKind kind, MapReducePhase phase, int taskId, int attempt, string? silo, string detail)
    {
        if (cluster.TaskEvent is { } handler)
        {
            // Tasks run concurrently; the handler sees one event at a time.
            lock (_eventLock)
            {
                handler(new ClusterTaskEvent(kind, phase, taskId, attempt, silo, detail));
            }
        }
    }

    private void Report(MapReducePhase phase, bool force)
    {
        if (options.Progress is not { } progress)
        {
            return;
        }

        MapReduceProgress snapshot;
        lock (_gate)
        {
            var elapsed = _clock.Elapsed;
            if (!force && _lastProgress is { } last && elapsed - last < options.ProgressInterval)
            {
                return;
            }

            _lastProgress = elapsed;
            snapshot = new MapReduceProgress(
                phase, _inputsRead, _pairsEmitted, _bytesRead, _totalBytes, _partitionsReduced, partitionCount, elapsed);
        }

        lock (_eventLock)
        {
            try
            {
                progress.Report(snapshot);
            }
            catch (Exception e)
            {
                // The caller's callback fails the run like user code, named as what it is (never a raw exception).
                var where = phase == MapReducePhase.Map ? MapReducePhase.Map : MapReducePhase.Reduce;
                throw (where == MapReducePhase.Map ? mapFailure : reduceFailure)(new TaskFailure
                {
                    Phase = where, Message = e.Message, Exception = e, What = "the progress reporter threw",
                });
            }
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "MapReduce run {RunId} of job {Job} started: {Partitions} partitions, up to {Concurrency} map tasks at once")]
    private static partial void LogRunStarted(ILogger logger, string runId, string job, int partitions, int concurrency);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information,
        Message = "MapReduce run {RunId} of job {Job} completed in {Milliseconds:F0} ms: {MapTasks} map tasks ({MapAttempts} attempts, {LostOutputs} outputs lost and re-executed), {Partitions} partitions ({ReduceAttempts} reduce attempts); {MapOutputBytes} bytes of map output kept on the silos, {ShuffleBytes} fetched silo to silo, 0 through the coordinator; {ResultBytes} bytes of results fetched by the coordinator")]
    private static partial void LogRunCompleted(
        ILogger logger, string runId, string job, double milliseconds, int mapTasks, int mapAttempts, int lostOutputs, int partitions,
        int reduceAttempts, long mapOutputBytes, long shuffleBytes, long resultBytes);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "MapReduce run {RunId} of job {Job} failed: {Error}: {Reason}")]
    private static partial void LogRunFailed(ILogger logger, string runId, string job, string error, string reason);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug,
        Message = "Run {RunId}: map task {Task} attempt {Attempt} completed on {Silo} after {Milliseconds:F0} ms ({TaskMilliseconds:F0} ms on the silo), {Bytes} bytes of output kept there")]
    private static partial void LogMapCompleted(
        ILogger logger, string runId, int task, int attempt, string silo, double milliseconds, double taskMilliseconds, long bytes);

    [LoggerMessage(EventId = 104, Level = LogLevel.Debug,
        Message = "Run {RunId}: reduce task of partition {Partition} attempt {Attempt} completed on {Silo} after {Milliseconds:F0} ms: {Merged} map outputs, {Bytes} bytes fetched silo to silo, {Keys} keys")]
    private static partial void LogReduceCompleted(
        ILogger logger, string runId, int partition, int attempt, string silo, double milliseconds, int merged, long bytes, long keys);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning,
        Message = "Run {RunId}: {Kind} task {Task} attempt {Attempt} on {Silo} abandoned ({Reason}); running it again")]
    private static partial void LogRetrying(ILogger logger, string runId, string kind, int task, int attempt, string silo, string reason);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning,
        Message = "Run {RunId}: the output of map task {Task} (attempt {Attempt}) on {Silo} is lost (the reduce task of partition {Partition} could not fetch it); running the map task again elsewhere")]
    private static partial void LogOutputLost(ILogger logger, string runId, int task, int attempt, string silo, int partition);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Run {RunId}: silo {Silo} is suspected; new attempts avoid it")]
    private static partial void LogSuspected(ILogger logger, string runId, string silo);

    private sealed record MapAttemptResult(int Attempt, string GrainKey, MapTaskOutput Output);

    // An accepted map output: where it is and how big each partition of it is.
    private sealed record Accepted(int TaskId, int Attempt, string GrainKey, string Silo, long[] PartitionBytes)
    {
        public MapOutputLocation For(int partition) =>
            new(TaskId, Attempt, GrainKey, Silo, partition < PartitionBytes.Length ? PartitionBytes[partition] : 0);
    }

    private sealed class MapTaskState(MapTaskRequest request, string description)
    {
        public MapTaskRequest Request => request;

        public string Description => description;

#pragma warning disable SA1401, CA1051 // a counter updated with Interlocked
        public int Attempts;
#pragma warning restore SA1401, CA1051

        public Accepted? Accepted { get; set; }

        public bool Rerunning { get; set; }

        public bool Counted { get; set; }

        public int Losses { get; set; }
    }
}
