using System.Diagnostics;
using MapReduceGen.Orleans.Coordinator;
using MapReduceGen.Orleans.Jobs;
using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;
using MapReduceGen.Engine;

namespace MapReduceGen.Orleans;

/// <summary>
/// Runs generated MapReduceGen jobs on an Orleans cluster and returns the same <see cref="MapReduceResult{TKey, TResult}"/>
/// as the job's local <c>Run</c>. The caller (a cluster client, or a grain) is the coordinator: it cuts the input into
/// map tasks, one grain activation per task spread over the silos; each task maps its split, combines (fold jobs) or
/// groups its pairs on the silo and partitions them by the job's stable hash; one reduce grain per partition merges
/// the tasks' chunks and reduces; the results are gathered here. A silo that dies mid-run costs its tasks, which are
/// re-executed elsewhere; the result is exact. Every job must be registered on every silo with
/// <see cref="MapReduceSiloBuilderExtensions"/>.
/// </summary>
/// <example>
/// <code>
/// var counts = await client.MapReduce().RunAsync&lt;WordCountJob.MapReduceJob, string, string, int&gt;(lines);
/// </code>
/// </example>
public sealed class MapReduceClusterExecutor
{
    private readonly IGrainFactory _grains;
    private readonly Serializer _serializer;
    private readonly ClusterExecutionOptions _cluster;

    /// <summary>Creates an executor.</summary>
    /// <param name="grainFactory">The cluster client's or a grain's grain factory.</param>
    /// <param name="serializer">Orleans' serializer from the same process (<c>services.GetRequiredService&lt;Serializer&gt;()</c>).</param>
    /// <param name="clusterOptions">Failure detection, retries and concurrency; <see langword="null"/> for defaults.</param>
    public MapReduceClusterExecutor(IGrainFactory grainFactory, Serializer serializer, ClusterExecutionOptions? clusterOptions = null)
    {
        ArgumentNullException.ThrowIfNull(grainFactory);
        ArgumentNullException.ThrowIfNull(serializer);
        _grains = grainFactory;
        _serializer = serializer;
        _cluster = clusterOptions ?? new ClusterExecutionOptions();
    }

    /// <summary>The executor's cluster options.</summary>
    public ClusterExecutionOptions ClusterOptions => _cluster;

    /// <summary>Runs a fold job (reducer <c>TValue R(TValue, TValue)</c>) over in-memory inputs on the cluster.</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TInput">The mapper's input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value (and result) type.</typeparam>
    /// <param name="inputs">The inputs; read once, batch by batch, as map tasks are handed out.</param>
    /// <param name="options">
    /// <see cref="MapReduceOptions.PartitionCount"/> (reduce grains; default four per silo),
    /// <see cref="MapReduceOptions.ChunkSize"/> (inputs per map task), cancellation and progress.
    /// </param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>Every key with its result, as the job's local <c>Run</c> returns them.</returns>
    /// <exception cref="MapReduceException">The mapper, the reducer or the input sequence threw.</exception>
    /// <exception cref="MapReduceClusterException">The cluster cannot run the job (see the message).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public Task<MapReduceResult<TKey, TValue>> RunAsync<TJob, TInput, TKey, TValue>(
        IEnumerable<TInput> inputs, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<TInput, TKey, TValue>
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return RunCoreAsync<TKey, TValue, TValue>(
            TJob.Name, typeof(TInput), silos => SequenceSource(inputs, TJob.Name, silos, options), options, cancellationToken);
    }

    /// <summary>Runs a grouping job (reducer <c>TResult R(TKey, ReadOnlySpan&lt;TValue&gt;)</c>) over in-memory inputs.</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TInput">The mapper's input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The type of the values the mapper emits.</typeparam>
    /// <typeparam name="TResult">The reducer's result type.</typeparam>
    /// <param name="inputs">The inputs; read once, batch by batch, as map tasks are handed out.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>Every key with its result.</returns>
    /// <exception cref="MapReduceException">The mapper, the reducer or the input sequence threw.</exception>
    /// <exception cref="MapReduceClusterException">The cluster cannot run the job (see the message).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public Task<MapReduceResult<TKey, TResult>> RunAsync<TJob, TInput, TKey, TValue, TResult>(
        IEnumerable<TInput> inputs, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult>
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return RunCoreAsync<TKey, TValue, TResult>(
            TJob.Name, typeof(TInput), silos => SequenceSource(inputs, TJob.Name, silos, options), options, cancellationToken);
    }

    /// <summary>
    /// Runs a fold job whose mapper takes a line of text over text files: one map task per byte-range split, read by
    /// the silo that runs it. Every silo must see the files at the same paths (a shared or replicated file system).
    /// </summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value (and result) type.</typeparam>
    /// <param name="source">The files; <see cref="TextSource.SplitBytes"/> sets the split size (default: from the total size).</param>
    /// <param name="options">Partitions, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>Every key with its result.</returns>
    /// <exception cref="MapReduceException">The mapper or the reducer threw (naming the file and line), or a file could not be read.</exception>
    /// <exception cref="MapReduceClusterException">The cluster cannot run the job (see the message).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public Task<MapReduceResult<TKey, TValue>> RunAsync<TJob, TKey, TValue>(
        TextSource source, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<string, TKey, TValue>
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        return RunCoreAsync<TKey, TValue, TValue>(
            TJob.Name, null, silos => TextSource(source, TJob.Name, silos, options), options, cancellationToken);
    }

    /// <summary>Runs a grouping job whose mapper takes a line of text over text files (see the fold overload).</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The type of the values the mapper emits.</typeparam>
    /// <typeparam name="TResult">The reducer's result type.</typeparam>
    /// <param name="source">The files; <see cref="TextSource.SplitBytes"/> sets the split size.</param>
    /// <param name="options">Partitions, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>Every key with its result.</returns>
    /// <exception cref="MapReduceException">The mapper or the reducer threw, or a file could not be read.</exception>
    /// <exception cref="MapReduceClusterException">The cluster cannot run the job (see the message).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public Task<MapReduceResult<TKey, TResult>> RunAsync<TJob, TKey, TValue, TResult>(
        TextSource source, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<string, TKey, TValue, TResult>
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        return RunCoreAsync<TKey, TValue, TResult>(
            TJob.Name, null, silos => TextSource(source, TJob.Name, silos, options), options, cancellationToken);
    }

    private SequenceTaskSource<TInput> SequenceSource<TInput>(
        IEnumerable<TInput> inputs, string jobName, int silos, MapReduceOptions? options)
    {
        int batch = options?.ChunkSize ?? 0;
        if (batch <= 0)
        {
            // Enough tasks to keep every silo busy and to make a lost task cheap, but not so many that per-task
            // overhead dominates.
            batch = inputs.TryGetNonEnumeratedCount(out int count)
                ? (int)Math.Clamp((count + (silos * 16L) - 1) / (silos * 16L), 1, 16_384)
                : 4096;
        }

        return new SequenceTaskSource<TInput>(inputs, batch, jobName, options?.MaxBadRecords ?? 0, _serializer);
    }

    private static TextTaskSource TextSource(TextSource source, string jobName, int silos, MapReduceOptions? options)
    {
        long splitBytes = source.SplitBytes > 0
            ? source.SplitBytes
            : Math.Clamp(source.TotalBytes / (silos * 16L), 1L << 20, 64L << 20);
        return new TextTaskSource(source, splitBytes, jobName, options?.MaxBadRecords ?? 0);
    }

    private async Task<MapReduceResult<TKey, TResult>> RunCoreAsync<TKey, TValue, TResult>(
        string jobName,
        Type? inputType,
        Func<int, IMapTaskSource> createSource,
        MapReduceOptions? options,
        CancellationToken cancellationToken)
        where TKey : notnull
    {
        var clock = Stopwatch.StartNew();
        options ??= new MapReduceOptions();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, options.CancellationToken);
        var token = linked.Token;
        token.ThrowIfCancellationRequested();
        if (JobTypeCheck.Describe(_serializer, jobName, inputType, typeof(TKey), typeof(TValue), typeof(TResult)) is { } problem)
        {
            throw new MapReduceClusterException(problem);
        }

        int silos = await CountActiveSilosAsync(jobName, token).ConfigureAwait(false);
        int partitions = options.PartitionCount > 0 ? options.PartitionCount : silos * 4;
        int concurrency = _cluster.MaxConcurrentTasks > 0 ? _cluster.MaxConcurrentTasks : silos * 4;
        var source = createSource(silos);
        try
        {
            var coordinator = new ClusterCoordinator(
                _grains, _cluster, options, jobName, partitions, concurrency,
                failure => MapFailure<TKey>(jobName, options.MaxBadRecords, failure),
                failure => ReduceFailure<TKey>(jobName, failure));
            var outcome = await coordinator.RunAsync(source, token).ConfigureAwait(false);

            var entries = new List<KeyValuePair<TKey, TResult>>();
            foreach (byte[]? chunk in outcome.PartitionResults)
            {
                if (chunk is null)
                {
                    continue;
                }

                var (keys, results) = PartitionEncoder.DecodePairs<TKey, TResult>(_serializer, chunk);
                for (int i = 0; i < keys.Length; i++)
                {
                    entries.Add(new KeyValuePair<TKey, TResult>(keys[i], results[i]));
                }
            }

            var statistics = new MapReduceStatistics
            {
                JobName = jobName,
                InputsRead = outcome.InputsRead,
                PairsEmitted = outcome.PairsEmitted,
                DistinctKeys = entries.Count,
                BytesRead = outcome.BytesRead,
                SkippedRecords = outcome.SkippedRecords,
                WorkerCount = silos,
                PartitionCount = partitions,
                MapTime = outcome.MapTime,
                ReduceTime = outcome.ReduceTime,
                TotalTime = clock.Elapsed,
            };
            return MapReduceResult.Create(entries, statistics);
        }
        finally
        {
            (source as IDisposable)?.Dispose();
        }
    }

    private async Task<int> CountActiveSilosAsync(string jobName, CancellationToken token)
    {
        var hosts = await _grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, token)
            .WaitAsync(_cluster.TaskTimeout + _cluster.TaskTimeout, token).ConfigureAwait(false);
        return hosts.Count > 0
            ? hosts.Count
            : throw new MapReduceClusterException($"MapReduce job '{jobName}' cannot run: the cluster has no active silo.");
    }

    private MapReduceException MapFailure<TKey>(string jobName, int maxBadRecords, TaskFailure failure)
    {
        var inner = failure.Exception ?? new InvalidOperationException(failure.Message);
        if (failure.TooManyBadRecords)
        {
            return MapReduceException.ForTooManyBadRecords(
                jobName, maxBadRecords, new SkippedRecord(failure.InputIndex ?? 0, failure.Path, failure.LineNumber, inner));
        }

        if (failure.Key is { } key)
        {
            return MapReduceException.ForKey(jobName, DecodeKey<TKey>(key), inner, failure.InputIndex);
        }

        if (failure.InputIndex is null && failure.Path is { } path)
        {
            return MapReduceException.ForFile(jobName, path, inner);
        }

        return MapReduceException.ForInput(jobName, failure.InputIndex ?? 0, inner, failure.Path, failure.LineNumber);
    }

    private MapReduceException ReduceFailure<TKey>(string jobName, TaskFailure failure) =>
        MapReduceException.ForKey(
            jobName,
            failure.Key is { } key ? DecodeKey<TKey>(key) : null,
            failure.Exception ?? new InvalidOperationException(failure.Message));

    private object? DecodeKey<TKey>(byte[] key) => _serializer.Deserialize<TKey>(key);
}
