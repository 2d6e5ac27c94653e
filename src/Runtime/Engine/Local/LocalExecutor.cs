using System.Diagnostics;
using MapReduceGen.Engine.Inputs;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Engine.Results;

namespace MapReduceGen.Engine.Local;

/// <summary>
/// Runs a job on this machine, whatever its reducer shape and input: plan workers and partitions; map on
/// <c>MaxDegreeOfParallelism</c> workers, each with one table (<see cref="MapSink{TKey, TValue, TSlot}"/>)
/// that ends as its partitioned output (<see cref="MapOutputBuilder"/>); reduce the partitions in parallel with the
/// job's <typeparamref name="TReducer"/>; gather statistics; and throw, never return a partial result, on failure or
/// cancellation.
/// </summary>
/// <typeparam name="TJob">The generated job struct.</typeparam>
/// <typeparam name="TInput">The mapper's input type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <typeparam name="TSlot">What a key's slot holds on the map side.</typeparam>
/// <typeparam name="TSide">How a value enters a slot (the map side of the reducer shape).</typeparam>
/// <typeparam name="TReducer">How a partition is reduced (the reduce side of the reducer shape).</typeparam>
/// <typeparam name="TResult">The result type.</typeparam>
internal abstract class LocalExecutor<TJob, TInput, TKey, TValue, TSlot, TSide, TReducer, TResult>
    where TJob : struct, IMapReduceJob<TInput, TKey, TValue>
    where TSide : IMapSide<TValue, TSlot>
    where TReducer : IReducer<TKey, TValue, TSlot, TResult>
{
    /// <summary>Runs the job over an input the workers read synchronously (sequences, text files, streams).</summary>
    public static MapReduceResult<TKey, TResult> Run(
        Func<MapReduceOptions, MapInput<TInput>> openInput, MapReduceOptions? options, CancellationToken cancellationToken)
    {
        options ??= new MapReduceOptions();
        var state = new RunState(TJob.Name, options, cancellationToken);
        try
        {
            state.ThrowIfStopped();
            using MapInput<TInput> input = openInput(options);
            using var run = new LocalRun(input, state);
            run.MapSynchronously();
            return run.Reduce();
        }
        finally
        {
            state.Dispose();
        }
    }

    /// <summary>
    /// Runs the job over an input that arrives asynchronously: map workers await their inputs, so no thread is
    /// blocked waiting, and the run returns as soon as it is cancelled or fails, whatever the input does.
    /// </summary>
    public static async Task<MapReduceResult<TKey, TResult>> RunAsync(
        Func<MapReduceOptions, MapInput<TInput>> openInput, MapReduceOptions? options, CancellationToken cancellationToken)
    {
        options ??= new MapReduceOptions();
        var state = new RunState(TJob.Name, options, cancellationToken);
        try
        {
            state.ThrowIfStopped();
            using MapInput<TInput> input = openInput(options);
            using var run = new LocalRun(input, state);
            await run.MapAsynchronously().ConfigureAwait(false);
            return run.Reduce();
        }
        finally
        {
            state.Dispose();
        }
    }

    /// <summary>One run: its workers, their outputs and the phases' clocks.</summary>
    private sealed class LocalRun : IDisposable
    {
        private readonly MapInput<TInput> _input;
        private readonly RunState _state;
        private readonly MapTask<TJob, TInput, TKey, TValue, TSlot, TSide>?[] _workers;
        private readonly int _partitions;
        private readonly ProgressReporter _progress;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _mapTime;

        public LocalRun(MapInput<TInput> input, RunState state)
        {
            _input = input;
            _state = state;
            int workers = input.PlanWorkers(state.Options.MaxDegreeOfParallelism);
            _partitions = state.Options.ResolvePartitionCount(workers);
            state.PartitionCount = _partitions;
            state.TotalBytes = input.TotalBytes;
            _workers = new MapTask<TJob, TInput, TKey, TValue, TSlot, TSide>?[workers];
            _progress = new ProgressReporter(state);
        }

        public void MapSynchronously()
        {
            ParallelWorkers.Run(_workers.Length, w => _input.RunWorker(w, StartWorker(w), _state));
            EndMap();
        }

        public async Task MapAsynchronously()
        {
            var loops = new Task[_workers.Length];
            for (int w = 0; w < loops.Length; w++)
            {
                loops[w] = _input.RunWorkerAsync(w, StartWorker(w), _state);
            }

            await Task.WhenAll(loops).ConfigureAwait(false);
            EndMap();
        }

        public MapReduceResult<TKey, TResult> Reduce() =>
            typeof(TKey) == typeof(string)
                ? Reduce<Utf8Key, Utf8KeyOps>()
                : Reduce<TKey, ObjectKeyOps<TKey, TJob>>();

        public void Dispose() => _progress.Dispose();

        private MapTask<TJob, TInput, TKey, TValue, TSlot, TSide> StartWorker(int index) =>
            _workers[index] = new MapTask<TJob, TInput, TKey, TValue, TSlot, TSide>(_state);

        private void EndMap()
        {
            _state.ThrowIfStopped();
            _mapTime = _clock.Elapsed;
        }

        private MapReduceResult<TKey, TResult> Reduce<TStored, TOps>()
            where TOps : struct, IKeyOps<TStored>
        {
            var reduceClock = Stopwatch.StartNew();
            _state.Phase = MapReducePhase.Reduce;
            _progress.Report();

            var partitions = new PartitionResult<TStored, TSlot, TOps, TResult>[_partitions];
            if (TReducer.SlotIsResult && _partitions == 1 && _workers is [{ } only])
            {
                // One task and one partition: its table is the result as it is.
                partitions[0] = new PartitionResult<TStored, TSlot, TOps, TResult>(only.Sink.Table<TStored, TOps>(), null);
                _state.PartitionReduced();
                return Complete(partitions, reduceClock);
            }

            // Each worker's table becomes its output (in parallel), then partitions are reduced in parallel.
            var outputs = new MapOutput<TStored, TSlot, TValue>?[_workers.Length];
            ParallelWorkers.ForEach(_workers.Length, _workers.Length, () => _state.StopRequested, w =>
            {
                if (_workers[w] is { } worker)
                {
                    outputs[w] = worker.BuildOutput<TStored, TOps>(_partitions);
                }
            });
            _state.ThrowIfStopped();

            ParallelWorkers.ForEach(_partitions, _workers.Length, () => _state.StopRequested, partition =>
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

                try
                {
                    partitions[partition] = TReducer.Reduce(pieces.AsSpan(0, count), default(TOps), _state);
                    _state.PartitionReduced();
                }
                catch (KeyFailure failure)
                {
                    _state.Fail(MapReduceException.ForKey(TJob.Name, failure.Key, failure.InnerException!));
                }
            });
            _state.ThrowIfStopped();
            return Complete(partitions, reduceClock);
        }

        private MapReduceResult<TKey, TResult> Complete<TStored, TOps>(
            PartitionResult<TStored, TSlot, TOps, TResult>[] partitions, Stopwatch reduceClock)
            where TOps : struct, IKeyOps<TStored>
        {
            long distinct = 0;
            foreach (PartitionResult<TStored, TSlot, TOps, TResult> partition in partitions)
            {
                distinct += partition.Count;
            }

            var statistics = new MapReduceStatistics
            {
                JobName = TJob.Name,
                InputsRead = _state.InputsRead,
                PairsEmitted = _state.PairsEmitted,
                BytesRead = _state.BytesRead,
                SkippedRecords = _state.SkippedRecords,
                WorkerCount = _workers.Length,
                PartitionCount = _partitions,
                MapTime = _mapTime,
                ReduceTime = reduceClock.Elapsed,
                TotalTime = _state.Elapsed,
                DistinctKeys = distinct,
            };
            _state.Phase = MapReducePhase.Completed;
            _progress.Report();
            return new MapReduceResult<TKey, TResult>(
                new TableResultStore<TKey, TStored, TOps, TSlot, TResult>(partitions), statistics);
        }
    }
}
