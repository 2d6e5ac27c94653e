using System.Diagnostics;
using MapReduceGen.Engine.Definitions;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Output;
using MapReduceGen.Engine.Reduce;

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
    /// <summary>Runs the job over inputs the workers read synchronously (sequences, text files, streams).</summary>
    public static TOutput Run<TOutput, TKind>(
        JobSpec<TKey, TValue, TResult> spec, JobInput[] inputs, TaskContext context, MapReduceOptions? options, CancellationToken cancellationToken)
        where TKind : IOutputKind<TKey, TResult, TOutput>
    {
        options ??= new MapReduceOptions();
        var state = new RunState(TJob.Name, options, cancellationToken);
        try
        {
            state.ThrowIfStopped();
            using var run = new LocalRun<TOutput, TKind>(spec, inputs, context, state);
            run.MapSynchronously();
            return run.Reduce();
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
        try
        {
            state.ThrowIfStopped();
            using var run = new LocalRun<TOutput, TKind>(spec, inputs, context, state);
            await run.MapAsynchronously().ConfigureAwait(false);
            return run.Reduce();
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
        private readonly int _partitions;
        private readonly ProgressReporter _progress;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _mapTime;

        public LocalRun(JobSpec<TKey, TValue, TResult> spec, JobInput[] inputs, TaskContext context, RunState state)
        {
            _spec = spec;
            _context = context;
            _state = state;
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
            _progress = new ProgressReporter(state);
        }

        public void MapSynchronously()
        {
            for (int i = 0; i < _inputs.Length && !_state.StopRequested; i++)
            {
                MapRun<TKey, TValue> input = StartInput(i);
                ParallelWorkers.Run(_workersPerInput[i], w => input.RunWorker<TJob, TSlot, TSide>(w, Sink(w), _state, WorkerContext(w)));
            }

            EndMap();
        }

        public async Task MapAsynchronously()
        {
            for (int i = 0; i < _inputs.Length && !_state.StopRequested; i++)
            {
                MapRun<TKey, TValue> input = StartInput(i);
                if (input.IsAsync)
                {
                    var loops = new Task[_workersPerInput[i]];
                    for (int w = 0; w < loops.Length; w++)
                    {
                        loops[w] = input.RunWorkerAsync<TJob, TSlot, TSide>(w, Sink(w), _state, WorkerContext(w));
                    }

                    await Task.WhenAll(loops).ConfigureAwait(false);
                }
                else
                {
                    int workers = _workersPerInput[i];
                    await Task.Run(() => ParallelWorkers.Run(workers, w => input.RunWorker<TJob, TSlot, TSide>(w, Sink(w), _state, WorkerContext(w))))
                        .ConfigureAwait(false);
                }
            }

            EndMap();
        }

        public TOutput Reduce() =>
            typeof(TKey) == typeof(string)
                ? Reduce<Utf8Key, Utf8KeyOps>()
                : Reduce<TKey, ObjectKeyOps<TKey, TJob>>();

        public void Dispose()
        {
            _progress.Dispose();
            DisposeInputs();
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

        private void EndMap()
        {
            _state.InputName = null;
            _state.ThrowIfStopped();
            _mapTime = _clock.Elapsed;
        }

        private TOutput Reduce<TStored, TOps>()
            where TOps : struct, IKeyOps<TStored>
        {
            var reduceClock = Stopwatch.StartNew();
            _state.Phase = MapReducePhase.Reduce;
            _progress.Report();

            JobLayout<TKey, TValue, TResult> layout = _spec.Layout;
            KeyComparison<TKey> keyOrder = KeyComparison<TKey>.Of<TJob>(layout.HasKeyComparer);
            (PartitionSelector<TStored>? selector, Func<TKey, int>? partitionOfKey) = Partitioner<TStored, TOps>(keyOrder);
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
            var partitions = new PartitionResult<TStored, TSlot, TOps, TResult>[_partitions];
            var partitionContexts = new TaskContext[_partitions];
            ParallelWorkers.ForEach(_partitions, workers, () => _state.StopRequested, partition =>
            {
                var pieces = new Piece<TStored, TSlot, TValue>[outputs.Length];
                int count = 0;
                foreach (MapOutput<TStored, TSlot, TValue>? output in outputs)
                {
                    if (output is not null)
                    {
                        pieces[count++] = output.Partition(partition);
                    }
                }

                TaskContext context = partitionContexts[partition] = _context.ForTask();
                var scope = new ReduceScope<TKey, TValue>(_state, context, layout.SortByKey ? keyOrder : null, layout.ValueComparer);
                try
                {
                    PartitionResult<TStored, TSlot, TOps, TResult> result = TReducer.Reduce(pieces.AsSpan(0, count), default(TOps), scope);
                    if (selector is not null && !_state.StopRequested)
                    {
                        PartitionCheck.Verify<TKey, TStored, TSlot, TOps>(result.Keys, partition, _partitions, selector);
                    }

                    PartitionOutputOrder.Apply(result, settings);
                    partitions[partition] = result;
                    _state.PartitionReduced();
                }
                catch (KeyFailure failure)
                {
                    _state.Fail(Describe(failure, MapReducePhase.Reduce, "the reducer threw"));
                }
            });
            _state.ThrowIfStopped();

            long distinct = 0;
            foreach (PartitionResult<TStored, TSlot, TOps, TResult> partition in partitions)
            {
                distinct += partition.Count;
            }

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
            };
            TOutput output;
            try
            {
                output = TKind.Assemble(partitions, settings, statistics);
            }
            catch (Exception ex) when (settings.OutputOrder is not null && ex is not OutOfMemoryException)
            {
                // The partitions are merged into the job's output order here: its output comparer is the user code.
                throw Describe(UserOrder.Threw(UserOrder.OutputComparer, null, ex), MapReducePhase.Reduce, "");
            }

            _state.Phase = MapReducePhase.Completed;
            _progress.Report();
            return output;
        }

        // A failure of user code for a key: the method the failure names (a comparer, the partitioner), else `what`.
        private static MapReduceException Describe(KeyFailure failure, MapReducePhase phase, string what) =>
            MapReduceException.ForUserMethod(TJob.Name, failure.Phase ?? phase, failure.Key, failure.What ?? what, failure.InnerException!);

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
