using System.Text.RegularExpressions;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using MapReduceGen.Orleans.Grains;
using MapReduceGen.Orleans.Placement;
using MapReduceGen.Orleans.Wire;

namespace MapReduceGen.Orleans.Coordinator;

/// <summary>
/// The master of the MapReduce paper, on the client: hands map tasks to grains (a fresh grain key per attempt, so
/// Orleans places each attempt on a live silo), polls them as heartbeats, re-executes a task whose silo stops
/// answering within the task timeout, keeps exactly one accepted output per task, then feeds each partition's chunks
/// to one reduce grain and gathers the results. Map outputs stay here until their partition is reduced, so a reduce
/// grain lost with its silo is rebuilt from them under a new key without re-running any map task.
/// </summary>
internal sealed partial class ClusterCoordinator(
    IGrainFactory grains,
    ClusterExecutionOptions cluster,
    MapReduceOptions options,
    string jobName,
    int partitionCount,
    int maxConcurrentTasks,
    Func<TaskFailure, Exception> mapFailure,
    Func<TaskFailure, Exception> reduceFailure,
    byte[]? jobData = null)
{
    private const long MaxBatchBytes = 4L << 20;

    private readonly string _runId = Guid.NewGuid().ToString("N");
    private readonly Stopwatch _clock = new();
    private readonly Lock _eventLock = new();
    private readonly HashSet<string> _suspects = [];
    private readonly List<SkippedRecord> _skipped = [];
    private readonly Dictionary<string, long> _counters = new(StringComparer.Ordinal);
    private TimeSpan? _lastProgress;
    private long _inputsRead;
    private long _pairsEmitted;
    private long _bytesRead;
    private int _partitionsReduced;
    private long? _totalBytes;

    public async Task<ClusterRunOutcome> RunAsync(IMapTaskSource tasks, CancellationToken cancellationToken)
    {
        _clock.Start();
        _totalBytes = tasks.TotalBytes;

        // Map: one accepted output per task id.
        var chunks = new List<(int TaskId, byte[] Chunk)>[partitionCount];
        for (int p = 0; p < partitionCount; p++)
        {
            chunks[p] = [];
        }

        var accepted = new HashSet<int>();
        await RunAllAsync(
            (out MapTaskRequest request, out string description) => tasks.TryNext(partitionCount, out request, out description),
            RunMapTaskAsync,
            (request, output) =>
            {
                if (!accepted.Add(request.TaskId))
                {
                    return; // unreachable: one runner per task id; kept as the rule the reduce side relies on
                }

                foreach (var skipped in output.Skipped)
                {
                    _skipped.Add(skipped.ToRecord());
                    if (_skipped.Count > options.MaxBadRecords)
                    {
                        throw MapReduceException.ForTooManyBadRecords(jobName, options.MaxBadRecords, _skipped[^1]);
                    }
                }

                Counters.AddTo(_counters, output.Counters);
                _inputsRead += output.InputsRead;
                _pairsEmitted += output.PairsEmitted;
                _bytesRead += output.BytesRead;
                for (int p = 0; p < partitionCount && p < output.Partitions.Length; p++)
                {
                    if (output.Partitions[p] is { } chunk)
                    {
                        chunks[p].Add((request.TaskId, chunk));
                    }
                }

                Report(MapReducePhase.Map, force: false);
            },
            cancellationToken).ConfigureAwait(false);
        var mapTime = _clock.Elapsed;
        Report(MapReducePhase.Map, force: true);

        // Reduce: one grain per non-empty partition.
        var results = new byte[]?[partitionCount];
        var keyCounts = new long[partitionCount];
        int nextPartition = 0;
        await RunAllAsync(
            (out int partition, out string description) =>
            {
                while (nextPartition < partitionCount && chunks[nextPartition].Count == 0)
                {
                    nextPartition++;
                }

                partition = nextPartition++;
                description = string.Create(CultureInfo.InvariantCulture, $"partition {partition}");
                return partition < partitionCount;
            },
            (partition, description, token) => RunReduceTaskAsync(partition, chunks[partition], token),
            (partition, report) =>
            {
                results[partition] = report.Result;
                keyCounts[partition] = report.KeyCount;
                Counters.AddTo(_counters, report.Counters);
                chunks[partition].Clear(); // the partition is safe: its map outputs are no longer needed
                _partitionsReduced++;
                Report(MapReducePhase.Reduce, force: false);
            },
            cancellationToken).ConfigureAwait(false);
        var total = _clock.Elapsed;
        Report(MapReducePhase.Completed, force: true);

        return new ClusterRunOutcome
        {
            PartitionResults = results,
            PartitionKeyCounts = keyCounts,
            InputsRead = _inputsRead,
            PairsEmitted = _pairsEmitted,
            BytesRead = _bytesRead,
            SkippedRecords = _skipped,
            Counters = _counters,
            MapTime = mapTime,
            ReduceTime = total - mapTime,
        };
    }

    private delegate bool TryNext<TItem>(out TItem item, out string description);

    // Runs items with at most maxConcurrentTasks in flight; the first failure stops the others and is thrown (or
    // OperationCanceledException when the caller cancelled).
    private async Task RunAllAsync<TItem, TOutput>(
        TryNext<TItem> next,
        Func<TItem, string, CancellationToken, Task<TOutput>> run,
        Action<TItem, TOutput> completed,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = new Dictionary<Task<TOutput>, TItem>();
        Exception? failure = null;
        try
        {
            while (true)
            {
                while (failure is null && running.Count < maxConcurrentTasks && next(out var item, out string description))
                {
                    running.Add(run(item, description, stop.Token), item);
                }

                if (running.Count == 0)
                {
                    break;
                }

                var done = await Task.WhenAny(running.Keys).ConfigureAwait(false);
                var finished = running[done];
                running.Remove(done);
                if (done.IsCompletedSuccessfully)
                {
                    if (failure is null)
                    {
                        completed(finished, done.Result);
                    }
                }
                else if (failure is null)
                {
                    failure = done.Exception?.GetBaseException() ?? new OperationCanceledException(cancellationToken);
                    await stop.CancelAsync().ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (failure is null)
        {
            // The input sequence threw: stop the tasks in flight, then report it.
            failure = e;
            await stop.CancelAsync().ConfigureAwait(false);
            await ((Task)Task.WhenAll(running.Keys)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private async Task<MapTaskOutput> RunMapTaskAsync(MapTaskRequest request, string description, CancellationToken token)
    {
        Exception? last = null;
        for (int attempt = 1; attempt <= cluster.MaxTaskAttempts; attempt++)
        {
            var grain = grains.GetGrain<IMapTaskGrain>(Key('m', request.TaskId, attempt));
            string? silo = null;
            try
            {
                AvoidSuspects();
                var started = await grain.Start(request).WaitAsync(cluster.TaskTimeout, token).ConfigureAwait(false);
                silo = started.Silo;
                ThrowIfUnsuccessful(started.State, started.Failure, mapFailure);
                Raise(ClusterTaskEventKind.Started, MapReducePhase.Map, request.TaskId, attempt, silo, description);
                while (true)
                {
                    var report = await PollAsync(() => grain.Poll(cluster.PollInterval), token).ConfigureAwait(false);
                    ThrowIfUnsuccessful(report.State, report.Failure, mapFailure);
                    if (report.State == TaskState.Completed)
                    {
                        Forget(grain.Release());
                        Trust(report.Silo);
                        Raise(ClusterTaskEventKind.Completed, MapReducePhase.Map, request.TaskId, attempt, report.Silo, description);
                        return report.Output ?? throw new MapReduceClusterException($"Map task {request.TaskId} completed without output.");
                    }
                }
            }
            catch (Exception e) when (IsRetryable(e, token))
            {
                last = e;
                Suspect(silo ?? SiloNamedIn(e));
                Forget(grain.Release());
                if (attempt < cluster.MaxTaskAttempts)
                {
                    Raise(ClusterTaskEventKind.Retrying, MapReducePhase.Map, request.TaskId, attempt, silo, Describe(e));
                    await Task.Delay(RetryDelay(attempt), token).ConfigureAwait(false);
                }
            }
            catch
            {
                Forget(grain.Release());
                throw;
            }
        }

        throw GaveUp($"map task {request.TaskId} ({description})", last!);
    }

    private async Task<ReduceTaskReport> RunReduceTaskAsync(
        int partition, List<(int TaskId, byte[] Chunk)> chunks, CancellationToken token)
    {
        Exception? last = null;
        string description = string.Create(CultureInfo.InvariantCulture, $"partition {partition}: {chunks.Count} map outputs");
        for (int attempt = 1; attempt <= cluster.MaxTaskAttempts; attempt++)
        {
            // A new key per attempt: a fresh, empty activation that Orleans places on a live silo, rebuilt from the
            // map outputs kept here.
            var grain = grains.GetGrain<IReduceTaskGrain>(Key('r', partition, attempt));
            string? silo = null;
            try
            {
                AvoidSuspects();
                foreach (var (taskIds, batch) in Batches(chunks))
                {
                    var added = await grain.Add(jobName, taskIds, batch).WaitAsync(cluster.TaskTimeout, token).ConfigureAwait(false);
                    silo = added.Silo;
                    ThrowIfUnsuccessful(added.State, added.Failure, reduceFailure);
                }

                var started = await grain.Start(jobName, chunks.Count, jobData).WaitAsync(cluster.TaskTimeout, token).ConfigureAwait(false);
                silo = started.Silo;
                ThrowIfUnsuccessful(started.State, started.Failure, reduceFailure);
                Raise(ClusterTaskEventKind.Started, MapReducePhase.Reduce, partition, attempt, silo, description);
                while (true)
                {
                    var report = await PollAsync(() => grain.Poll(cluster.PollInterval), token).ConfigureAwait(false);
                    ThrowIfUnsuccessful(report.State, report.Failure, reduceFailure);
                    if (report.State == TaskState.Completed)
                    {
                        Forget(grain.Release());
                        Trust(report.Silo);
                        Raise(ClusterTaskEventKind.Completed, MapReducePhase.Reduce, partition, attempt, report.Silo, description);
                        return report;
                    }
                }
            }
            catch (Exception e) when (IsRetryable(e, token))
            {
                last = e;
                Suspect(silo ?? SiloNamedIn(e));
                Forget(grain.Release());
                if (attempt < cluster.MaxTaskAttempts)
                {
                    Raise(ClusterTaskEventKind.Retrying, MapReducePhase.Reduce, partition, attempt, silo, Describe(e));
                    await Task.Delay(RetryDelay(attempt), token).ConfigureAwait(false);
                }
            }
            catch
            {
                Forget(grain.Release());
                throw;
            }
        }

        throw GaveUp(string.Create(CultureInfo.InvariantCulture, $"the reduce task of partition {partition}"), last!);
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

    // Chunks go to a reduce grain in batches of about MaxBatchBytes: few round trips, messages well under Orleans'
    // maximum message size.
    private static IEnumerable<(int[] TaskIds, byte[][] Chunks)> Batches(List<(int TaskId, byte[] Chunk)> chunks)
    {
        int start = 0;
        while (start < chunks.Count)
        {
            int end = start;
            long bytes = 0;
            while (end < chunks.Count && (end == start || bytes + chunks[end].Chunk.Length <= MaxBatchBytes))
            {
                bytes += chunks[end].Chunk.Length;
                end++;
            }

            var ids = new int[end - start];
            var batch = new byte[end - start][];
            for (int i = start; i < end; i++)
            {
                ids[i - start] = chunks[i].TaskId;
                batch[i - start] = chunks[i].Chunk;
            }

            yield return (ids, batch);
            start = end;
        }
    }

    private string Key(char kind, int id, int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"{_runId}/{kind}{id}/{attempt}");

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
    // director falls back to every silo if all are suspected): Orleans' membership may count a dead silo as active
    // for several seconds more, and random placement would otherwise keep choosing it.
    private void Suspect(string? silo)
    {
        if (silo is not null)
        {
            lock (_suspects)
            {
                _suspects.Add(silo);
            }
        }
    }

    // A silo that completes a task is alive after all (its earlier failure was, say, a lost message).
    private void Trust(string silo)
    {
        lock (_suspects)
        {
            _suspects.Remove(silo);
        }
    }

    // Request context flows with the calls of this task's attempt only (it is async-local), to the silo that places
    // the new activation.
    private void AvoidSuspects()
    {
        string avoid;
        lock (_suspects)
        {
            avoid = string.Join('|', _suspects);
        }

        if (avoid.Length > 0)
        {
            RequestContext.Set(TaskPlacementDirector.AvoidKey, avoid);
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

        var elapsed = _clock.Elapsed;
        if (!force && _lastProgress is { } last && elapsed - last < options.ProgressInterval)
        {
            return;
        }

        _lastProgress = elapsed;
        progress.Report(new MapReduceProgress(
            phase, _inputsRead, _pairsEmitted, _bytesRead, _totalBytes, _partitionsReduced, partitionCount, elapsed));
    }
}
