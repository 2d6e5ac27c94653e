using System.Diagnostics;

namespace MapReduceGen;

/// <summary>
/// The shape of every local run, whatever the reducer: plan workers and partitions, map in parallel, reduce the
/// partitions in parallel, gather statistics, and throw (never return a partial result) on failure or cancellation.
/// </summary>
internal static class JobExecution
{
    public static MapReduceResult<TKey, TResult> Execute<TInput, TKey, TResult, TKeys, TWorker>(
        string jobName,
        Func<MapReduceOptions, MapInput<TInput>> openInput,
        MapReduceOptions? options,
        Func<RunState, int, TWorker> createWorker,
        Func<TWorker?[], int, RunState, KeyTable<TKey, TResult, TKeys>> reducePartition,
        CancellationToken cancellationToken)
        where TKeys : struct, IKeyEquality<TKey>
        where TWorker : class, IInputMapper<TInput>
    {
        options ??= new MapReduceOptions();
        var state = new RunState(jobName, options, cancellationToken);
        try
        {
            state.ThrowIfStopped();
            using MapInput<TInput> input = openInput(options);
            int workers = input.PlanWorkers(options.MaxDegreeOfParallelism);
            int partitions = options.ResolvePartitionCount(workers);
            state.PartitionCount = partitions;
            state.TotalBytes = input.TotalBytes;
            using var progress = new ProgressReporter(state);

            var mapClock = Stopwatch.StartNew();
            var mappers = new IInputMapper<TInput>?[workers];
            input.Run(mappers, () => createWorker(state, partitions), state);
            state.ThrowIfStopped();
            TimeSpan mapTime = mapClock.Elapsed;

            var mapped = new TWorker?[workers];
            for (int i = 0; i < workers; i++)
            {
                mapped[i] = (TWorker?)mappers[i];
            }

            state.Phase = MapReducePhase.Reduce;
            progress.Report();
            var reduceClock = Stopwatch.StartNew();
            var tables = new KeyTable<TKey, TResult, TKeys>[partitions];
            int next = -1;
            ParallelWorkers.Run(Math.Min(workers, partitions), _ =>
            {
                int partition;
                while (!state.StopRequested && (partition = Interlocked.Increment(ref next)) < partitions)
                {
                    tables[partition] = reducePartition(mapped, partition, state);
                    state.PartitionReduced();
                }
            });
            state.ThrowIfStopped();

            long distinct = 0;
            foreach (KeyTable<TKey, TResult, TKeys> table in tables)
            {
                distinct += table.Count;
            }

            var statistics = new MapReduceStatistics
            {
                JobName = jobName,
                InputsRead = state.InputsRead,
                PairsEmitted = state.PairsEmitted,
                BytesRead = state.BytesRead,
                SkippedRecords = state.SkippedRecords,
                WorkerCount = workers,
                PartitionCount = partitions,
                MapTime = mapTime,
                ReduceTime = reduceClock.Elapsed,
                TotalTime = state.Elapsed,
                DistinctKeys = distinct,
            };
            state.Phase = MapReducePhase.Completed;
            progress.Report();
            return new MapReduceResult<TKey, TResult>(new TableResultStore<TKey, TResult, TKeys>(tables), statistics);
        }
        finally
        {
            state.LinkedSource?.Dispose();
        }
    }
}
