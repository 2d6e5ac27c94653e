using System.Diagnostics;
using MapReduceGen.Engine.Definitions;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Output;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Engine.Spill;

namespace MapReduceGen.Engine.Local;

/// <summary>
/// Runs a job on this machine, whatever its shape and inputs: plan workers and partitions; map every input (one after
/// the other, each on up to <c>MaxDegreeOfParallelism</c> workers) into one table per worker
/// (<see cref="MapSink{TKey, TValue, TSlot}"/>); end each table as its partitioned output (<see cref="MapOutputBuilder"/>:
/// by stable hash, by the job's partitioner, or by key ranges sampled from the tables for a total order); reduce the
/// partitions in parallel with the job's <typeparamref name="TReducer"/> (in key order when the output is sorted, each
/// partition put in the job's output order); gather statistics and counters; and throw, never return a partial result,
/// on failure or cancellation.
/// </summary>
/// <typeparam name="TJob">The generated job struct (name, key hashing, equality and order).</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <typeparam name="TSlot">What a key's slot holds on the map side.</typeparam>
/// <typeparam name="TSide">How a value enters a slot (the map side of the job's shape).</typeparam>
/// <typeparam name="TReducer">How a partition is reduced (the reduce side of the job's shape).</typeparam>
/// <typeparam name="TResult">The result (or record) type.</typeparam>
internal static class LocalExecutor<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult>
    where TJob : struct, IKeyedJob<TKey>
    where TSide : IMapSide<TValue, TSlot>
    where TReducer : IReducer<TKey, TValue, TSlot, TResult>
{
    // The mapreducegen.executor tag of local runs.
    private const string Executor = "local";

    /// <summary>Runs the job over inputs the workers read synchronously (sequences, text files, streams).</summary>
    public static TOutput Run<TOutput, TKind>(
        JobSpec<TKey, TValue, TResult> spec, JobInput[] inputs, TaskContext context, MapReduceOptions? options, CancellationToken cancellationToken)
        where TKind : IOutputKind<TKey, TResult, TOutput>
    {
        options ??= new MapReduceOptions();
        var state = new RunState(TJob.Name, options, cancellationToken);
        using var telemetry = RunTelemetry.Start(TJob.Name, Executor, options.Observer);
        try
        {
            state.ThrowIfStopped();
            using var run = new LocalRun<TOutput, TKind>(spec, inputs, context, state, telemetry);
            run.MapSynchronously();
            return run.Reduce();
        }
        catch (Exception failure)
        {
            telemetry.Failed(failure);
            throw;
        }
        finally
        {
            state.Dispose();
        }
    }

    /// <summary>
    /// Runs the job and hands each partition's output to <paramref name="delivery"/> as it is reduced (streamed to the
    /// caller, or written to a file) instead of returning it whole; returns the run's statistics. Inputs that arrive
    /// asynchronously are awaited.
    /// </summary>
    public static async Task<MapReduceStatistics> RunDeliveredAsync<TOutput, TKind>(
        JobSpec<TKey, TValue, TResult> spec, JobInput[] inputs, TaskContext context, MapReduceOptions? options,
        PartitionDelivery<TKey, TResult> delivery, CancellationToken cancellationToken)
        where TKind : IOutputKind<TKey, TResult, TOutput>
    {
        options ??= new MapReduceOptions();
        var state = new RunState(TJob.Name, options, cancellationToken);
        using var telemetry = RunTelemetry.Start(TJob.Name, Executor, options.Observer);
        try
        {
            state.ThrowIfStopped();
            using var run = new LocalRun<TOutput, TKind>(spec, inputs, context, state, telemetry);
            if (inputs.Any(i => i.IsAsync))
            {
                await run.MapAsynchronously().ConfigureAwait(false);
            }
            else
            {
                await Task.Run(run.MapSynchronously, CancellationToken.None).ConfigureAwait(false);
            }

            return await Task.Factory.StartNew(
                () => run.Reduce(delivery).Statistics, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            telemetry.Failed(failure);
            throw;
        }
        finally
        {
            state.Dispose();
        }
    }

    /// <summary>
    /// Runs the job when an input arrives asynchronously: map workers await their inputs, so no thread is blocked waiting,
    /// and the run returns as soon as it is cancelled or fails, whatever the input does.
    /// </summary>
    public static async Task<TOutput> RunAsync<TOutput, TKind>(
        JobSpec<TKey, TValue, TResult> spec, JobInput[] inputs, TaskContext context, MapReduceOptions? options, CancellationToken cancellationToken)
        where TKind : IOutputKind<TKey, TResult, TOutput>
    {
        options ??= new MapReduceOptions();
        var state = new RunState(TJob.Name, options, cancellationToken);
        using var telemetry = RunTelemetry.Start(TJob.Name, Executor, options.Observer);
        try
        {
            state.ThrowIfStopped();
            using var run = new LocalRun<TOutput, TKind>(spec, inputs, context, state, telemetry);
            await run.MapAsynchronously().ConfigureAwait(false);
            return run.Reduce();
        }
        catch (Exception failure)
        {
            telemetry.Failed(failure);
            throw;
        }
        finally
        {
            state.Dispose();
        }
    }

    /// <summary>One run: its inputs, its workers' sinks and contexts, and the phases' clocks.</summary>
    private sealed class LocalRun<TOutput, TKind> : IDisposable
        where TKind : IOutputKind<TKey, TResult, TOutput>
    {
        private readonly JobSpec<TKey, TValue, TResult> _spec;
        private readonly TaskContext _context;
        private readonly RunState _state;
        private readonly MapRun<TKey, TValue>[] _inputs;
        private readonly int[] _workersPerInput;
        private readonly MapSink<TKey, TValue, TSlot>?[] _sinks;
        private readonly TaskContext?[] _workerContexts;
        private TaskContext?[]? _partitionContexts;
        private readonly int _partitions;
        private readonly ProgressReporter _progress;
        private readonly SpillSession<TJob, TKey, TValue, TSlot, TSide, TResult> _spill;
        private readonly WorkerSpill[] _spillHooks;
        private readonly long _budget;
        private readonly RunTelemetry _telemetry;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _mapTime;

        public LocalRun(JobSpec<TKey, TValue, TResult> spec, JobInput[] inputs, TaskContext context, RunState state, RunTelemetry telemetry)
        {
            _spec = spec;
            _context = context;
            _state = state;
            _telemetry = telemetry;
            _inputs = new MapRun<TKey, TValue>[inputs.Length];
            try
            {
                for (int i = 0; i < inputs.Length; i++)
                {
                    _inputs[i] = spec.Mappers[i].Open(inputs[i], state.Options);
                }
            }
            catch
            {
                DisposeInputs();
                throw;
            }

            _workersPerInput = new int[inputs.Length];
            int workers = 1;
            long? totalBytes = null;
            for (int i = 0; i < _inputs.Length; i++)
            {
                _workersPerInput[i] = _inputs[i].PlanWorkers(state.Options.MaxDegreeOfParallelism);
                workers = Math.Max(workers, _workersPerInput[i]);
                if (_inputs[i].TotalBytes is long bytes)
                {
                    totalBytes = (totalBytes ?? 0) + bytes;
                }
            }

            _partitions = state.Options.ResolvePartitionCount(workers);
            state.PartitionCount = _partitions;
            state.TotalBytes = totalBytes;
            _sinks = new MapSink<TKey, TValue, TSlot>?[workers];
            _workerContexts = new TaskContext?[workers];
            _budget = state.Options.ResolveMemoryBudget();
            _spill = new SpillSession<TJob, TKey, TValue, TSlot, TSide, TResult>(spec, state, workers, _partitions, _budget);
            _spillHooks = new WorkerSpill[workers];
            for (int w = 0; w < workers; w++)
            {
                _spillHooks[w] = new WorkerSpill(this, w);
            }

            _progress = new ProgressReporter(state);
            telemetry.Planned(workers, _partitions);
        }

        public void MapSynchronously()
        {
            _telemetry.StartPhase(MapReducePhase.Map);
            for (int i = 0; i < _inputs.Length && !_state.StopRequested; i++)
            {
                MapRun<TKey, TValue> input = StartInput(i);
                ParallelWorkers.Run(_workersPerInput[i], w => MapWorker(input, w));
            }

            EndMap();
        }

        public async Task MapAsynchronously()
        {
            _telemetry.StartPhase(MapReducePhase.Map);
            for (int i = 0; i < _inputs.Length && !_state.StopRequested; i++)
            {
                MapRun<TKey, TValue> input = StartInput(i);
                if (input.IsAsync)
                {
                    var loops = new Task[_workersPerInput[i]];
                    for (int w = 0; w < loops.Length; w++)
                    {
                        loops[w] = MapWorkerAsync(input, w);
                    }

                    await Task.WhenAll(loops).ConfigureAwait(false);
                }
                else
                {
                    int workers = _workersPerInput[i];
                    await Task.Run(() => ParallelWorkers.Run(workers, w => MapWorker(input, w))).ConfigureAwait(false);
                }
            }

            EndMap();
        }

        /// <summary>Reduces every partition and returns the run's output whole.</summary>
        public TOutput Reduce() => Reduce(null).Output!;

        /// <summary>
        /// Reduces every partition: handed to <paramref name="delivery"/> one by one as they are reduced, or (without one)
        /// kept and assembled into the output.
        /// </summary>
        public (TOutput? Output, MapReduceStatistics Statistics) Reduce(PartitionDelivery<TKey, TResult>? delivery) =>
            StoredKeyDispatch.Run<TJob, TKey, (TOutput?, MapReduceStatistics), Reduction>(new Reduction(this, delivery));

        public void Dispose()
        {
            // Tasks a failed or cancelled run left open end too (what their states' Dispose throws adds nothing then).
            foreach (TaskContext? context in _workerContexts)
            {
                context?.EndTask();
            }

            foreach (TaskContext? context in _partitionContexts ?? [])
            {
                context?.EndTask();
            }

            _progress.Dispose();
            DisposeInputs();
            _spill.Dispose();
        }

        private void DisposeInputs()
        {
            foreach (MapRun<TKey, TValue>? input in _inputs)
            {
                input?.Dispose();
            }
        }

        // A job with several inputs names the input in its failures and skipped records.
        private MapRun<TKey, TValue> StartInput(int index)
        {
            _state.InputName = _inputs.Length > 1 ? _spec.Mappers[index].InputName : null;
            return _inputs[index];
        }

        // Worker w runs on one thread at a time (inputs are mapped one after the other), so its sink and context need no lock.
        private MapSink<TKey, TValue, TSlot> Sink(int worker) => _sinks[worker] ??= MapSink<TKey, TValue, TSlot>.Create<TJob, TSide>();

        private TaskContext WorkerContext(int worker) => _workerContexts[worker] ??= _context.ForTask();

        // One map task: a worker mapping one input (its span and duration are telemetry's; the work is RunWorker's).
        private void MapWorker(MapRun<TKey, TValue> input, int worker)
        {
            long started = Stopwatch.GetTimestamp();
            Activity? span = _telemetry.StartTask(MapReducePhase.Map, worker);
            try
            {
                input.RunWorker<TJob, TSlot, TSide>(worker, Sink(worker), _state, WorkerContext(worker), _spillHooks[worker]);
            }
            finally
            {
                EndTask(MapReducePhase.Map, span, started);
            }
        }

        private async Task MapWorkerAsync(MapRun<TKey, TValue> input, int worker)
        {
            long started = Stopwatch.GetTimestamp();
            Activity? span = _telemetry.StartTask(MapReducePhase.Map, worker);
            try
            {
                await input.RunWorkerAsync<TJob, TSlot, TSide>(worker, Sink(worker), _state, WorkerContext(worker), _spillHooks[worker]).ConfigureAwait(false);
            }
            finally
            {
                EndTask(MapReducePhase.Map, span, started);
            }
        }

        // Ends tasks whose contexts are done: their states are disposed, and a Dispose that throws fails the run.
        private void EndTasks(TaskContext?[] contexts, MapReducePhase phase)
        {
            foreach (TaskContext? context in contexts)
            {
                if (context?.EndTask() is { } failure)
                {
                    _state.Fail(MapReduceException.ForCallback(TJob.Name, phase, null, "the task state's Dispose threw", failure));
                }
            }
        }

        // A task that ends while the run goes on completed; one that ends because the run stopped did not.
        private void EndTask(MapReducePhase phase, Activity? span, long started)
        {
            bool completed = !_state.StopRequested;
            if (completed)
            {
                _telemetry.TaskCompleted(phase, Stopwatch.GetElapsedTime(started));
            }

            RunTelemetry.EndTask(span, completed ? null : "the run stopped");
        }

        private void EndMap()
        {
            // A map task is a worker's share of every input: its state ends with the map phase.
            EndTasks(_workerContexts, MapReducePhase.Map);
            _state.InputName = null;
            _telemetry.AddMapWork(_state.InputsRead, _state.PairsEmitted, _state.BytesRead, _state.SkippedCount);
            _telemetry.EndPhase(MapReducePhase.Map);
            _state.ThrowIfStopped();
            _mapTime = _clock.Elapsed;
        }

        private (TOutput? Output, MapReduceStatistics Statistics) Reduce<TStored, TOps>(PartitionDelivery<TKey, TResult>? delivery)
            where TOps : struct, IKeyOps<TStored>
        {
            var reduceClock = Stopwatch.StartNew();
            _state.Phase = MapReducePhase.Reduce;
            _telemetry.StartPhase(MapReducePhase.Reduce);
            _progress.Report();

            JobLayout<TKey, TValue, TResult> layout = _spec.Layout;
            KeyComparison<TKey> keyOrder = KeyComparison<TKey>.Of<TJob>(layout.HasKeyComparer);
            (PartitionSelector<TStored>? selector, Func<TKey, int>? partitionOfKey) = _spill.HasSpilled
                ? (_spill.Selector<TStored>(), SpilledPartitionOfKey())
                : Partitioner<TStored, TOps>(keyOrder);
            _state.ThrowIfStopped();

            // Each worker's table becomes its output (in parallel), then partitions are reduced in parallel.
            int workers = _sinks.Length;
            var outputs = new MapOutput<TStored, TSlot, TValue>?[workers];
            ParallelWorkers.ForEach(workers, workers, () => _state.StopRequested, w =>
            {
                if (_sinks[w] is { } sink)
                {
                    try
                    {
                        outputs[w] = MapOutputBuilder.Build(sink.Table<TStored, TOps>(), sink.Values, _partitions, selector);
                    }
                    catch (KeyFailure failure)
                    {
                        _state.Fail(Describe(failure, MapReducePhase.Map, "the partitioner threw"));
                    }
                }
            });
            _state.ThrowIfStopped();

            var settings = new OutputSettings<TKey, TResult>(keyOrder, layout.SortByKey, layout.OutputComparer, partitionOfKey);
            delivery?.Begin(_partitions);
            PartitionResult<TStored, TSlot, TOps, TResult>[]? partitions = delivery is null ? new PartitionResult<TStored, TSlot, TOps, TResult>[_partitions] : null;
            var keyCounts = new long[_partitions];
            var partitionContexts = new TaskContext[_partitions];
            _partitionContexts = partitionContexts;
            MergeOrder<TKey, TStored> mergeOrder = _spill.Order<TStored>();
            Action<int> reduceBody = partition =>
            {
                TaskContext context = partitionContexts[partition] = _context.ForTask();
                var scope = new ReduceScope<TKey, TValue>(_state, context, layout.SortByKey ? keyOrder : null, layout.ValueComparer, TKind.WritesRecords);
                try
                {
                    if (delivery is not null && _spill.HasSpilled && layout.OutputComparer is null)
                    {
                        // Key by key from the merge straight out: the partition is never held whole.
                        PartitionOutput<TStored, TResult> output = delivery.Open<TStored>(partition);
                        keyCounts[partition] = MergeInto<TStored, TOps>(partition, outputs, mergeOrder, scope, output);
                        _state.ThrowIfStopped();
                        output.Complete(keyCounts[partition]);
                    }
                    else
                    {
                        PartitionResult<TStored, TSlot, TOps, TResult> result = _spill.HasSpilled
                            ? ReduceMerged<TStored, TOps>(partition, outputs, mergeOrder, scope)
                            : TReducer.Reduce(Pieces(outputs, partition), default(TOps), scope);
                        if (selector is not null && !_state.StopRequested)
                        {
                            PartitionCheck.Verify<TKey, TStored, TSlot, TOps>(result.Keys, partition, _partitions, selector);
                        }

                        PartitionOutputOrder.Apply(result, settings);
                        keyCounts[partition] = result.Count;
                        if (partitions is not null)
                        {
                            partitions[partition] = result;
                        }
                        else
                        {
                            _state.ThrowIfStopped();
                            delivery!.Deliver(partition, result);
                        }
                    }

                    _state.PartitionReduced();
                }
                catch (KeyFailure failure)
                {
                    _state.Fail(Describe(failure, MapReducePhase.Reduce, "the reducer threw"));
                }
                catch (MapReduceException failure)
                {
                    _state.Fail(failure);
                }
                catch (OperationCanceledException) when (_state.StopRequested)
                {
                    // The caller stopped taking the output, or the run was cancelled: the stop is reported below.
                }
                finally
                {
                    // A reduce task is one partition: its state ends with it.
                    EndTasks([context], MapReducePhase.Reduce);
                }
            };
            Action<int> reducePartition = partition =>
            {
                long started = Stopwatch.GetTimestamp();
                Activity? span = _telemetry.StartTask(MapReducePhase.Reduce, partition);
                try
                {
                    reduceBody(partition);
                }
                finally
                {
                    EndTask(MapReducePhase.Reduce, span, started);
                }
            };
            if (delivery is { Blocks: true })
            {
                ParallelWorkers.ForEachOnOwnThreads(_partitions, workers, () => _state.StopRequested, reducePartition);
            }
            else
            {
                ParallelWorkers.ForEach(_partitions, workers, () => _state.StopRequested, reducePartition);
            }

            _state.ThrowIfStopped();
            long distinct = keyCounts.Sum();
            var counters = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (TaskContext? context in _workerContexts)
            {
                context?.Counters.AddTo(counters);
            }

            foreach (TaskContext context in partitionContexts)
            {
                context.Counters.AddTo(counters);
            }

            var statistics = new MapReduceStatistics
            {
                JobName = TJob.Name,
                InputsRead = _state.InputsRead,
                PairsEmitted = _state.PairsEmitted,
                BytesRead = _state.BytesRead,
                SkippedRecords = _state.SkippedRecords,
                WorkerCount = workers,
                PartitionCount = _partitions,
                MapTime = _mapTime,
                ReduceTime = reduceClock.Elapsed,
                TotalTime = _state.Elapsed,
                DistinctKeys = distinct,
                Counters = counters,
                BytesSpilled = _spill.BytesSpilled,
            };
            TOutput? output;
            try
            {
                output = partitions is null ? default : TKind.Assemble(partitions, settings, statistics);
            }
            catch (Exception ex) when (settings.OutputOrder is not null && ex is not OutOfMemoryException)
            {
                // The partitions are merged into the job's output order here: its output comparer is the user code.
                throw Describe(UserOrder.Threw(UserOrder.OutputComparer, null, ex), MapReducePhase.Reduce, "");
            }

            _state.Phase = MapReducePhase.Completed;
            _progress.Report();
            _telemetry.AddBytesSpilled(MapReducePhase.Map, statistics.BytesSpilled);
            _telemetry.AddKeys(distinct);
            _telemetry.Completed(statistics);
            return (output, statistics);
        }

        // The pieces of one partition: that partition of every worker's output.
        private static Piece<TStored, TSlot, TValue>[] Pieces<TStored>(MapOutput<TStored, TSlot, TValue>?[] outputs, int partition)
        {
            var pieces = new List<Piece<TStored, TSlot, TValue>>(outputs.Length);
            foreach (MapOutput<TStored, TSlot, TValue>? output in outputs)
            {
                if (output is not null)
                {
                    pieces.Add(output.Partition(partition));
                }
            }

            return [.. pieces];
        }

        // A partition of a run that spilled, kept whole (Run returns the output whole, or the output is ordered by the
        // job's comparer): merged into a table as the in-memory reduce would have made it.
        private PartitionResult<TStored, TSlot, TOps, TResult> ReduceMerged<TStored, TOps>(
            int partition, MapOutput<TStored, TSlot, TValue>?[] outputs, MergeOrder<TKey, TStored> order, ReduceScope<TKey, TValue> scope)
            where TOps : struct, IKeyOps<TStored>
        {
            var writer = new TablePartitionWriter<TStored, TSlot, TOps, TResult>(default, TKind.WritesRecords, _state.Options.ResolveOutputLimit(), _spec.Name);
            MergeInto<TStored, TOps>(partition, outputs, order, scope, writer);
            return writer.Complete();
        }

        // A partition of a run that spilled: a k-way merge of every worker's runs on disk and its last table, each in
        // the merge order, reduced key by key into the writer; returns the keys reduced.
        private long MergeInto<TStored, TOps>(
            int partition, MapOutput<TStored, TSlot, TValue>?[] outputs, MergeOrder<TKey, TStored> order, ReduceScope<TKey, TValue> scope,
            IPartitionWriter<TStored, TResult> writer)
            where TOps : struct, IKeyOps<TStored>
        {
            var sources = new List<MergeSource<TStored, TSlot, TValue>>();
            List<RunSection> runs = [];
            List<RunSection> sections = runs;
            try
            {
                ValueCodec<TSlot> slotCodec = _spec.Codecs.Slot<TSlot>()!;

                // However many runs a tiny budget made, the merge reads a bounded number at once: past that, the workers'
                // runs (in worker order, each worker's in the order it spilled them) are merged in groups first. A key's
                // values keep their order within a worker, whose last table still comes after its runs.
                runs = [.. Enumerable.Range(0, outputs.Length)
                    .SelectMany(w => _spill.RunsOf(w))
                    .Where(run => run.Count(partition) > 0)
                    .Select(run => new RunSection(run.Path, run.Offset(partition), run.Length(partition)))];
                sections = RunNarrowing<TKey, TValue, TSlot, TSide, TResult>.Narrow<TStored, TOps>(
                    runs, RunNarrowing<TKey, TValue, TSlot, TSide, TResult>.MaxOpenRuns, order, _spec.Codecs, slotCodec, _budget,
                    () => _spill.NewFile($"p{partition}"), () => _state.StopRequested, _spec.Name, combine: !TReducer.SeesEachSlot);
                foreach (RunSection section in sections)
                {
                    sources.Add(new FileSource<TKey, TStored, TSlot, TValue, TResult>(
                        section.Path, section.Offset, section.Length, _spec.Codecs, slotCodec, TSide.KeepsValues, _spec.Name));
                }

                foreach (MapOutput<TStored, TSlot, TValue>? output in outputs)
                {
                    if (output is not null && output.Partition(partition) is { Length: > 0 } piece)
                    {
                        sources.Add(new MemorySource<TStored, TSlot, TValue>(piece, order.Sort(piece.EntryArray, piece.Start, piece.Length)));
                    }
                }

                return MergedReduce<TKey, TValue, TSlot, TReducer, TResult>.Run(sources, order, default(TOps), scope, writer, _budget);
            }
            finally
            {
                foreach (MergeSource<TStored, TSlot, TValue> source in sources)
                {
                    source.Dispose();
                }

                // The partition's own merged runs: no other partition reads them.
                RunNarrowing<TKey, TValue, TSlot, TSide, TResult>.DeleteMade(runs, sections);
            }
        }

        private readonly struct Reduction(LocalRun<TOutput, TKind> run, PartitionDelivery<TKey, TResult>? delivery)
            : IStoredKeyAction<(TOutput?, MapReduceStatistics)>
        {
            public (TOutput?, MapReduceStatistics) Run<TStored, TOps>()
                where TOps : struct, IKeyOps<TStored> =>
                run.Reduce<TStored, TOps>(delivery);
        }

        // The partition of a key when a run that spilled partitioned by the job's partitioner or the spill's key ranges.
        private Func<TKey, int>? SpilledPartitionOfKey()
        {
            int partitions = _partitions;
            if (_spec.Layout.Partitioner is { } partitioner)
            {
                return key => partitioner(key, partitions);
            }

            if (_spill.SplitPoints is { } splits)
            {
                var selector = new RangePartitionSelector<TKey, TKey>(splits, _spill.KeyOrder);
                return selector.SelectKey;
            }

            return null;
        }

        /// <summary>A worker's way to disk: its table written as a sorted run by the run's spill session.</summary>
        private sealed class WorkerSpill(LocalRun<TOutput, TKind> run, int worker) : IMapSpill
        {
            public long Share => run._spill.WorkerShare;

            public void Spill() => run._spill.Spill(worker, run.Sink(worker));
        }

        // A failure of user code for a key: the method the failure names (a comparer, the partitioner), else `what`.
        private static MapReduceException Describe(KeyFailure failure, MapReducePhase phase, string what) => failure.ToException(TJob.Name, phase, what);

        // How keys are partitioned when a map task ends: the job's partitioner, key ranges sampled from every worker's
        // table (a total order), or the stable hash (no selector).
        private (PartitionSelector<TStored>? Selector, Func<TKey, int>? PartitionOfKey) Partitioner<TStored, TOps>(KeyComparison<TKey> keyOrder)
            where TOps : struct, IKeyOps<TStored>
        {
            JobLayout<TKey, TValue, TResult> layout = _spec.Layout;
            int partitions = _partitions;
            if (layout.Partitioner is { } partitioner)
            {
                return (new CustomPartitionSelector<TKey, TStored>(partitioner), key => partitioner(key, partitions));
            }

            if (!layout.SortByKey || partitions == 1)
            {
                return (null, null);
            }

            long total = 0;
            foreach (MapSink<TKey, TValue, TSlot>? sink in _sinks)
            {
                total += sink?.KeyCount ?? 0;
            }

            var samples = new List<TKey>();
            int wanted = partitions * SplitPoints.SamplesPerPartition;
            foreach (MapSink<TKey, TValue, TSlot>? sink in _sinks)
            {
                if (sink is null || sink.KeyCount == 0)
                {
                    continue;
                }

                Tables.KeyTable<TStored, TSlot, TOps> table = sink.Table<TStored, TOps>();
                int share = (int)Math.Ceiling((double)wanted * table.Count / total);
                foreach (int index in SplitPoints.Stride(table.Count, share))
                {
                    samples.Add(StoredKeys.ToKey<TKey, TStored>(table.EntryAt(index).Key));
                }
            }

            TKey[] splits;
            try
            {
                splits = SplitPoints.Choose(samples, partitions, keyOrder.Compare);
            }
            catch (InvalidOperationException ex) when (ex.InnerException is { } inner)
            {
                _state.Fail(Describe(UserOrder.Threw(UserOrder.KeyComparer, null, inner), MapReducePhase.Reduce, ""));
                return (null, null);
            }
            catch (ArgumentException ex)
            {
                // List.Sort's "IComparer.Compare() method returns inconsistent results".
                _state.Fail(Describe(
                    UserOrder.Inconsistent(UserOrder.KeyComparer, null, "sorting the sampled keys found it giving different answers for the same keys", ex),
                    MapReducePhase.Reduce,
                    ""));
                return (null, null);
            }

            var selector = new RangePartitionSelector<TKey, TStored>(splits, keyOrder);
            return (selector, selector.SelectKey);
        }
    }
}
