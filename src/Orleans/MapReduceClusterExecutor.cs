using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MapReduceGen.Engine;
using TaskFailure = MapReduceGen.Orleans.Wire.TaskFailure;
using MapReduceGen.Orleans.Coordinator;
using MapReduceGen.Orleans.Jobs;
using MapReduceGen.Orleans.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;

namespace MapReduceGen.Orleans;

/// <summary>
/// Runs generated MapReduceGen jobs on an Orleans cluster. The caller (a cluster client, or a grain) is the coordinator
/// and handles only task ids, locations and status: it cuts each of the job's inputs into map tasks, one grain activation
/// per task spread over the silos; each task maps its split with its input's mapper, combines (fold jobs, combiners) or
/// groups its pairs and partitions them (the job's stable hash, its partitioner, or the run's key ranges), and keeps its
/// output on its silo; one reduce task per partition fetches that partition of every map output directly from the map
/// tasks' silos, in bounded chunks, while the other map tasks still run, and reduces. Every task gets the run's
/// parameters; the counters of every task are summed. The results are gathered into what the job's local <c>Run</c>
/// returns (<c>RunAsync</c>: a <see cref="MapReduceResult{TKey, TResult}"/> or records), streamed partition by partition (<c>StreamAsync</c>), or written by the reduce tasks as one file
/// per partition (<c>RunToFilesAsync</c>). A silo that dies mid-run costs its tasks, and the map outputs it kept: they
/// are run again elsewhere, and the result is exact. Every job must be registered on every silo with
/// <see cref="MapReduceSiloBuilderExtensions"/>.
/// </summary>
/// <remarks>
/// <c>AddMapReduce()</c> (client) and <c>AddMapReduceJob</c> (silo) register an executor in the container, configured
/// by <c>services.Configure&lt;ClusterExecutionOptions&gt;(...)</c> and logging through
/// <c>ILogger&lt;MapReduceClusterExecutor&gt;</c>, so a grain can take it in its constructor.
/// </remarks>
/// <example>
/// <code>
/// var counts = await client.MapReduce().RunAsync&lt;WordCountJob.MapReduceJob, string, string, int&gt;(lines);
/// </code>
/// </example>
public sealed class MapReduceClusterExecutor
{
    // The mapreducegen.executor tag of cluster runs (MapReduceTelemetry).
    private const string Executor = "orleans";

    private readonly IGrainFactory _grains;
    private readonly Serializer _serializer;
    private readonly ClusterExecutionOptions _cluster;
    private readonly ILogger _logger;
    private readonly OrleansPayloadCodec _codec;

    /// <summary>Creates an executor.</summary>
    /// <param name="grainFactory">The cluster client's or a grain's grain factory.</param>
    /// <param name="serializer">Orleans' serializer from the same process (<c>services.GetRequiredService&lt;Serializer&gt;()</c>).</param>
    /// <param name="clusterOptions">Failure detection, retries, concurrency and the shuffle; <see langword="null"/> for defaults.</param>
    public MapReduceClusterExecutor(IGrainFactory grainFactory, Serializer serializer, ClusterExecutionOptions? clusterOptions = null)
        : this(grainFactory, serializer, clusterOptions, null)
    {
    }

    /// <summary>Creates an executor that logs its runs' task timings, retries and failovers.</summary>
    /// <param name="grainFactory">The cluster client's or a grain's grain factory.</param>
    /// <param name="serializer">Orleans' serializer from the same process.</param>
    /// <param name="clusterOptions">Failure detection, retries, concurrency and the shuffle; <see langword="null"/> for defaults.</param>
    /// <param name="logger">Where runs are logged; <see langword="null"/> for none.</param>
    public MapReduceClusterExecutor(
        IGrainFactory grainFactory, Serializer serializer, ClusterExecutionOptions? clusterOptions, ILogger<MapReduceClusterExecutor>? logger)
    {
        ArgumentNullException.ThrowIfNull(grainFactory);
        ArgumentNullException.ThrowIfNull(serializer);
        _grains = grainFactory;
        _serializer = serializer;
        _cluster = clusterOptions ?? new ClusterExecutionOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _codec = new OrleansPayloadCodec(serializer);
    }

    private MapReduceClusterExecutor(MapReduceClusterExecutor other, ClusterExecutionOptions clusterOptions)
    {
        _grains = other._grains;
        _serializer = other._serializer;
        _logger = other._logger;
        _codec = other._codec;
        _cluster = clusterOptions;
    }

    /// <summary>The executor's cluster options.</summary>
    public ClusterExecutionOptions ClusterOptions => _cluster;

    /// <summary>
    /// Returns an executor with the same cluster, serializer and logger whose runs use <paramref name="clusterOptions"/>
    /// instead of this executor's (for one call: <c>executor.WithOptions(o).RunAsync(...)</c>).
    /// </summary>
    /// <param name="clusterOptions">The options of the new executor's runs.</param>
    /// <returns>The new executor.</returns>
    public MapReduceClusterExecutor WithOptions(ClusterExecutionOptions clusterOptions)
    {
        ArgumentNullException.ThrowIfNull(clusterOptions);
        return new MapReduceClusterExecutor(this, clusterOptions);
    }

    /// <summary>Runs a fold job (reducer <c>TValue R(TValue, TValue)</c>) over in-memory inputs on the cluster (see <see cref="RunAsync{TKey, TValue, TOutput}(JobDefinition{TKey, TValue, TOutput}, JobInput[], TaskContext, MapReduceOptions?, CancellationToken)"/>).</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TInput">The mapper's input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="inputs">The inputs; read once, batch by batch, as map tasks are handed out.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>Every key with its result, as the job's local <c>Run</c> returns them.</returns>
    public Task<MapReduceResult<TKey, TValue>> RunAsync<TJob, TInput, TKey, TValue>(
        IEnumerable<TInput> inputs, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<TInput, TKey, TValue>
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return RunAsync(TJob.Definition, [JobInputs.Sequence(inputs)], TaskContext.Empty(), options, cancellationToken);
    }

    /// <summary>Runs a grouping job (reducer <c>TResult R(TKey, ReadOnlySpan&lt;TValue&gt;)</c>) over in-memory inputs on the cluster (see <see cref="RunAsync{TKey, TValue, TOutput}(JobDefinition{TKey, TValue, TOutput}, JobInput[], TaskContext, MapReduceOptions?, CancellationToken)"/>).</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TInput">The mapper's input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TResult">The reducer's result type.</typeparam>
    /// <param name="inputs">The inputs; read once, batch by batch, as map tasks are handed out.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>Every key with its result, as the job's local <c>Run</c> returns them.</returns>
    public Task<MapReduceResult<TKey, TResult>> RunAsync<TJob, TInput, TKey, TValue, TResult>(
        IEnumerable<TInput> inputs, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult>
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return RunAsync(TJob.Definition, [JobInputs.Sequence(inputs)], TaskContext.Empty(), options, cancellationToken);
    }

    /// <summary>Runs a fold job (reducer <c>TValue R(TValue, TValue)</c>) over the lines of text files (read by the silos themselves) on the cluster (see <see cref="RunAsync{TKey, TValue, TOutput}(JobDefinition{TKey, TValue, TOutput}, JobInput[], TaskContext, MapReduceOptions?, CancellationToken)"/>).</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="source">The files; every silo must see them at the same paths.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>Every key with its result, as the job's local <c>Run</c> returns them.</returns>
    public Task<MapReduceResult<TKey, TValue>> RunAsync<TJob, TKey, TValue>(
        TextSource source, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<string, TKey, TValue>
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        return RunAsync(TJob.Definition, [JobInputs.Lines(source)], TaskContext.Empty(), options, cancellationToken);
    }

    /// <summary>Runs a grouping job (reducer <c>TResult R(TKey, ReadOnlySpan&lt;TValue&gt;)</c>) over the lines of text files (read by the silos themselves) on the cluster (see <see cref="RunAsync{TKey, TValue, TOutput}(JobDefinition{TKey, TValue, TOutput}, JobInput[], TaskContext, MapReduceOptions?, CancellationToken)"/>).</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TResult">The reducer's result type.</typeparam>
    /// <param name="source">The files; every silo must see them at the same paths.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>Every key with its result, as the job's local <c>Run</c> returns them.</returns>
    public Task<MapReduceResult<TKey, TResult>> RunAsync<TJob, TKey, TValue, TResult>(
        TextSource source, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<string, TKey, TValue, TResult>
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        return RunAsync(TJob.Definition, [JobInputs.Lines(source)], TaskContext.Empty(), options, cancellationToken);
    }

    /// <summary>Runs a fold job (reducer <c>TValue R(TValue, TValue)</c>) over in-memory inputs and hands the result over partition by partition (see <see cref="StreamAsync{TKey, TValue, TResult}(JobDefinition{TKey, TValue, MapReduceResult{TKey, TResult}}, JobInput[], TaskContext, MapReduceOptions?, CancellationToken)"/>).</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TInput">The mapper's input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="inputs">The inputs; read once, batch by batch, as map tasks are handed out.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The partitions; together they hold every key once.</returns>
    public IAsyncEnumerable<MapReducePartition<TKey, TValue>> StreamAsync<TJob, TInput, TKey, TValue>(
        IEnumerable<TInput> inputs, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<TInput, TKey, TValue>
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return StreamAsync(TJob.Definition, [JobInputs.Sequence(inputs)], TaskContext.Empty(), options, cancellationToken);
    }

    /// <summary>Runs a grouping job (reducer <c>TResult R(TKey, ReadOnlySpan&lt;TValue&gt;)</c>) over in-memory inputs and hands the result over partition by partition (see <see cref="StreamAsync{TKey, TValue, TResult}(JobDefinition{TKey, TValue, MapReduceResult{TKey, TResult}}, JobInput[], TaskContext, MapReduceOptions?, CancellationToken)"/>).</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TInput">The mapper's input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TResult">The reducer's result type.</typeparam>
    /// <param name="inputs">The inputs; read once, batch by batch, as map tasks are handed out.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The partitions; together they hold every key once.</returns>
    public IAsyncEnumerable<MapReducePartition<TKey, TResult>> StreamAsync<TJob, TInput, TKey, TValue, TResult>(
        IEnumerable<TInput> inputs, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult>
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return StreamAsync(TJob.Definition, [JobInputs.Sequence(inputs)], TaskContext.Empty(), options, cancellationToken);
    }

    /// <summary>Runs a fold job (reducer <c>TValue R(TValue, TValue)</c>) over the lines of text files (read by the silos themselves) and hands the result over partition by partition (see <see cref="StreamAsync{TKey, TValue, TResult}(JobDefinition{TKey, TValue, MapReduceResult{TKey, TResult}}, JobInput[], TaskContext, MapReduceOptions?, CancellationToken)"/>).</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="source">The files; every silo must see them at the same paths.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The partitions; together they hold every key once.</returns>
    public IAsyncEnumerable<MapReducePartition<TKey, TValue>> StreamAsync<TJob, TKey, TValue>(
        TextSource source, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<string, TKey, TValue>
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        return StreamAsync(TJob.Definition, [JobInputs.Lines(source)], TaskContext.Empty(), options, cancellationToken);
    }

    /// <summary>Runs a grouping job (reducer <c>TResult R(TKey, ReadOnlySpan&lt;TValue&gt;)</c>) over the lines of text files (read by the silos themselves) and hands the result over partition by partition (see <see cref="StreamAsync{TKey, TValue, TResult}(JobDefinition{TKey, TValue, MapReduceResult{TKey, TResult}}, JobInput[], TaskContext, MapReduceOptions?, CancellationToken)"/>).</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TResult">The reducer's result type.</typeparam>
    /// <param name="source">The files; every silo must see them at the same paths.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The partitions; together they hold every key once.</returns>
    public IAsyncEnumerable<MapReducePartition<TKey, TResult>> StreamAsync<TJob, TKey, TValue, TResult>(
        TextSource source, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<string, TKey, TValue, TResult>
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        return StreamAsync(TJob.Definition, [JobInputs.Lines(source)], TaskContext.Empty(), options, cancellationToken);
    }

    /// <summary>Runs a fold job (reducer <c>TValue R(TValue, TValue)</c>) over in-memory inputs and writes the result as one file per partition (see <see cref="RunToFilesAsync{TKey, TValue, TOutput}(JobDefinition{TKey, TValue, TOutput}, JobInput[], TaskContext, string, MapReduceFileFormat, MapReduceOptions?, CancellationToken)"/>).</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TInput">The mapper's input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="inputs">The inputs; read once, batch by batch, as map tasks are handed out.</param>
    /// <param name="directory">The output directory (every silo and this client must reach it at the same path).</param>
    /// <param name="format">The files' format.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The files and the run's statistics.</returns>
    public Task<MapReduceFileOutput> RunToFilesAsync<TJob, TInput, TKey, TValue>(
        IEnumerable<TInput> inputs, string directory, MapReduceFileFormat format = MapReduceFileFormat.Tsv,
        MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<TInput, TKey, TValue>
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return RunToFilesAsync(TJob.Definition, [JobInputs.Sequence(inputs)], TaskContext.Empty(), directory, format, options, cancellationToken);
    }

    /// <summary>Runs a grouping job (reducer <c>TResult R(TKey, ReadOnlySpan&lt;TValue&gt;)</c>) over in-memory inputs and writes the result as one file per partition (see <see cref="RunToFilesAsync{TKey, TValue, TOutput}(JobDefinition{TKey, TValue, TOutput}, JobInput[], TaskContext, string, MapReduceFileFormat, MapReduceOptions?, CancellationToken)"/>).</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TInput">The mapper's input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TResult">The reducer's result type.</typeparam>
    /// <param name="inputs">The inputs; read once, batch by batch, as map tasks are handed out.</param>
    /// <param name="directory">The output directory (every silo and this client must reach it at the same path).</param>
    /// <param name="format">The files' format.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The files and the run's statistics.</returns>
    public Task<MapReduceFileOutput> RunToFilesAsync<TJob, TInput, TKey, TValue, TResult>(
        IEnumerable<TInput> inputs, string directory, MapReduceFileFormat format = MapReduceFileFormat.Tsv,
        MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult>
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return RunToFilesAsync(TJob.Definition, [JobInputs.Sequence(inputs)], TaskContext.Empty(), directory, format, options, cancellationToken);
    }

    /// <summary>Runs a fold job (reducer <c>TValue R(TValue, TValue)</c>) over the lines of text files (read by the silos themselves) and writes the result as one file per partition (see <see cref="RunToFilesAsync{TKey, TValue, TOutput}(JobDefinition{TKey, TValue, TOutput}, JobInput[], TaskContext, string, MapReduceFileFormat, MapReduceOptions?, CancellationToken)"/>).</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="source">The files; every silo must see them at the same paths.</param>
    /// <param name="directory">The output directory (every silo and this client must reach it at the same path).</param>
    /// <param name="format">The files' format.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The files and the run's statistics.</returns>
    public Task<MapReduceFileOutput> RunToFilesAsync<TJob, TKey, TValue>(
        TextSource source, string directory, MapReduceFileFormat format = MapReduceFileFormat.Tsv,
        MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<string, TKey, TValue>
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        return RunToFilesAsync(TJob.Definition, [JobInputs.Lines(source)], TaskContext.Empty(), directory, format, options, cancellationToken);
    }

    /// <summary>Runs a grouping job (reducer <c>TResult R(TKey, ReadOnlySpan&lt;TValue&gt;)</c>) over the lines of text files (read by the silos themselves) and writes the result as one file per partition (see <see cref="RunToFilesAsync{TKey, TValue, TOutput}(JobDefinition{TKey, TValue, TOutput}, JobInput[], TaskContext, string, MapReduceFileFormat, MapReduceOptions?, CancellationToken)"/>).</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TResult">The reducer's result type.</typeparam>
    /// <param name="source">The files; every silo must see them at the same paths.</param>
    /// <param name="directory">The output directory (every silo and this client must reach it at the same path).</param>
    /// <param name="format">The files' format.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The files and the run's statistics.</returns>
    public Task<MapReduceFileOutput> RunToFilesAsync<TJob, TKey, TValue, TResult>(
        TextSource source, string directory, MapReduceFileFormat format = MapReduceFileFormat.Tsv,
        MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<string, TKey, TValue, TResult>
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        return RunToFilesAsync(TJob.Definition, [JobInputs.Lines(source)], TaskContext.Empty(), directory, format, options, cancellationToken);
    }

    /// <summary>
    /// Runs any job on the cluster, as its generated <c>RunOnClusterAsync</c> does: one input per mapper (in-memory
    /// sequences shipped in batches, or text files the silos read), the run's parameters sent to every task, key ranges
    /// sampled before the run for a job sorted by key, counters summed over every task. Returns what the job's local
    /// <c>Run</c> returns.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TOutput">The job's output.</typeparam>
    /// <param name="job">The job's definition (<c>MyJob.MapReduceJob.Definition</c>), registered on every silo.</param>
    /// <param name="inputs">One input per mapper (<c>JobInputs.Sequence</c> or <c>JobInputs.Lines</c>), in the job's order.</param>
    /// <param name="context">The run's parameters (<c>TaskContext.Empty()</c> for a job without).</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The job's output.</returns>
    /// <exception cref="MapReduceException">User code or an input threw.</exception>
    /// <exception cref="MapReduceClusterException">The cluster cannot run the job (see the message).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public async Task<TOutput> RunAsync<TKey, TValue, TOutput>(
        JobDefinition<TKey, TValue, TOutput> job, JobInput[] inputs, TaskContext context, MapReduceOptions? options = null,
        CancellationToken cancellationToken = default)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(job);
        GatherSink? sink = null;
        var (statistics, _) = await ExecuteAsync(job, inputs, context, options, partitions => sink = new GatherSink(partitions), cancellationToken)
            .ConfigureAwait(false);
        return job.CreateOutput(sink!.Partitions(), statistics, _codec);
    }

    /// <summary>
    /// Runs any job whose reducer returns a result per key and hands the result over partition by partition, each as
    /// soon as its reduce task completes (in no particular order). Partitions not yet taken wait on their silos, so the
    /// caller holds about one partition at a time. A run that fails throws from the enumeration, possibly after some
    /// partitions (failures of the mapper always come before the first partition).
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="job">The job's definition, registered on every silo.</param>
    /// <param name="inputs">One input per mapper, in the job's order.</param>
    /// <param name="context">The run's parameters.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run (so does ending the enumeration early).</param>
    /// <returns>The partitions; together they hold every key once.</returns>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public IAsyncEnumerable<MapReducePartition<TKey, TResult>> StreamAsync<TKey, TValue, TResult>(
        JobDefinition<TKey, TValue, MapReduceResult<TKey, TResult>> job, JobInput[] inputs, TaskContext context,
        MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(job);
        return StreamCoreAsync(
            job, inputs, context, options,
            (partition, count, encoded) => Outputs.Partition(partition, count, JobOutputs.DecodeEntries(job, encoded, _codec)),
            (last, statistics) => Outputs.Partition(last.Partition, last.PartitionCount, last.Entries, last.IsLast, statistics),
            cancellationToken);
    }

    /// <summary>Runs any job whose reducer writes records and hands the records over partition by partition (see the other overload).</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="job">The job's definition, registered on every silo.</param>
    /// <param name="inputs">One input per mapper, in the job's order.</param>
    /// <param name="context">The run's parameters.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run (so does ending the enumeration early).</param>
    /// <returns>The partitions' records.</returns>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public IAsyncEnumerable<MapReduceRecordPartition<TRecord>> StreamRecordsAsync<TKey, TValue, TRecord>(
        JobDefinition<TKey, TValue, MapReduceRecords<TRecord>> job, JobInput[] inputs, TaskContext context,
        MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(job);
        return StreamCoreAsync(
            job, inputs, context, options,
            (partition, count, encoded) => Outputs.RecordPartition(partition, count, JobOutputs.DecodeRecords(job, encoded, _codec)),
            (last, statistics) => Outputs.RecordPartition(last.Partition, last.PartitionCount, last.Records, last.IsLast, statistics),
            cancellationToken);
    }

    /// <summary>
    /// Runs any job and has its reduce tasks write the output as one file per partition (<c>part-00000.tsv</c> or
    /// <c>.jsonl</c>) into a work directory inside <paramref name="directory"/>; when every partition is written the
    /// files are committed (the previous run's <c>part-*</c> files are replaced and <c>_SUCCESS</c> is written last), and a
    /// run that fails leaves the directory as it was. The results never reach the client.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TOutput">The job's output.</typeparam>
    /// <param name="job">The job's definition, registered on every silo.</param>
    /// <param name="inputs">One input per mapper, in the job's order.</param>
    /// <param name="context">The run's parameters.</param>
    /// <param name="directory">The output directory: every silo and this client must reach it at the same path (shared storage).</param>
    /// <param name="format">The files' format.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The files and the run's statistics.</returns>
    /// <exception cref="MapReduceException">User code or an input threw, or the directory cannot be written (checked before any task runs).</exception>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public async Task<MapReduceFileOutput> RunToFilesAsync<TKey, TValue, TOutput>(
        JobDefinition<TKey, TValue, TOutput> job, JobInput[] inputs, TaskContext context, string directory,
        MapReduceFileFormat format = MapReduceFileFormat.Tsv, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Use MapReduceFileFormat.Tsv or MapReduceFileFormat.JsonLines.");
        }

        (string output, string work) = MapReduceOutputFiles.Begin(directory, job.Name);
        try
        {
            FileSink? sink = null;
            var spec = new PartitionFileSpec { WorkDirectory = work, Format = (int)format };
            var (statistics, _) = await ExecuteAsync(job, inputs, context, options, partitions => sink = new FileSink(spec, partitions), cancellationToken)
                .ConfigureAwait(false);
            IReadOnlyList<MapReduceOutputFile> files = MapReduceOutputFiles.Commit(output, work, sink!.Files(), job.Name);
            return Outputs.Files(output, files, statistics);
        }
        finally
        {
            MapReduceOutputFiles.Abort(work);
        }
    }

    private async IAsyncEnumerable<T> StreamCoreAsync<TKey, TValue, TOutput, T>(
        JobDefinition<TKey, TValue, TOutput> job, JobInput[] inputs, TaskContext context, MapReduceOptions? options,
        Func<int, int, byte[], T> decode, Func<T, MapReduceStatistics, T> withStatistics, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TKey : notnull
        where T : class
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = false });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        StreamSink<T>? sink = null;
        Task<MapReduceStatistics> run = Task.Run(
            async () =>
            {
                try
                {
                    return (await ExecuteAsync(
                        job, inputs, context, options,
                        partitions => sink = new StreamSink<T>((partition, encoded) => decode(partition, partitions, encoded), channel.Writer),
                        stop.Token).ConfigureAwait(false)).Statistics;
                }
                finally
                {
                    channel.Writer.TryComplete();
                }
            },
            CancellationToken.None);
        try
        {
            // Each part goes out when the next has come, so the last one can carry the statistics of the ended run.
            T? held = null;
            while (await channel.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var partition))
                {
                    if (held is not null)
                    {
                        yield return held;
                    }

                    held = partition;
                }
            }

            MapReduceStatistics statistics = await run.ConfigureAwait(false);
            if (held is not null)
            {
                yield return withStatistics(held, statistics);
            }
        }
        finally
        {
            // The caller stopped early (or the run failed): stop the run and let its tasks go.
            await stop.CancelAsync().ConfigureAwait(false);
            await ((Task)run).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            sink?.Dispose();
        }
    }

    // One run of a job on the cluster, whatever becomes of its partitions (gathered, streamed, written to files): the
    // run prepared by the job's task kit (parameters, a total order's split points), its inputs cut into map tasks (one
    // source per input), counters summed over every task.
    private async Task<(MapReduceStatistics Statistics, ClusterRunSummary Summary)> ExecuteAsync<TKey, TValue, TOutput>(
        JobDefinition<TKey, TValue, TOutput> job, JobInput[] inputs, TaskContext context, MapReduceOptions? options,
        Func<int, IPartitionSink> createSink, CancellationToken cancellationToken)
        where TKey : notnull
    {
        options ??= new MapReduceOptions();
        using var telemetry = RunTelemetry.Start(job.Name, Executor, options.Observer);
        try
        {
            var (statistics, summary) = await ExecuteAsync(job, inputs, context, options, createSink, telemetry, cancellationToken).ConfigureAwait(false);
            telemetry.Completed(statistics);
            return (statistics, summary);
        }
        catch (Exception failure)
        {
            telemetry.Failed(failure);
            throw;
        }
    }

    private async Task<(MapReduceStatistics Statistics, ClusterRunSummary Summary)> ExecuteAsync<TKey, TValue, TOutput>(
        JobDefinition<TKey, TValue, TOutput> job, JobInput[] inputs, TaskContext context, MapReduceOptions options,
        Func<int, IPartitionSink> createSink, RunTelemetry telemetry, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var clock = Stopwatch.StartNew();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, options.CancellationToken);
        var token = linked.Token;
        token.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(inputs);
        string jobName = job.Name;
        bool textOnly = inputs.All(i => i is not null && i.IsText);
        if (JobTypeCheck.Describe(_serializer, job, textOnly) is { } problem)
        {
            throw new MapReduceClusterException(problem);
        }

        int silos = await CountActiveSilosAsync(jobName, token).ConfigureAwait(false);
        int partitions = options.PartitionCount > 0 ? options.PartitionCount : silos * 4;
        int concurrency = _cluster.MaxConcurrentTasks > 0 ? _cluster.MaxConcurrentTasks : silos * 4;
        telemetry.Planned(silos, partitions);
        JobRunPlan plan = job.PrepareRun(inputs, context, partitions, _codec);
        var sources = new IMapTaskSource[plan.Inputs.Count];
        for (int i = 0; i < sources.Length; i++)
        {
            sources[i] = TaskSource(job, i, plan.Inputs[i], silos, options);
        }

        byte[]? jobData = plan.RunData.IsEmpty ? null : plan.RunData.ToArray();
        using var source = new RunTaskSource(sources, jobData);
        var sink = createSink(partitions);
        var coordinator = new ClusterCoordinator(
            _grains, _cluster, options, _logger, jobName, partitions, concurrency,
            failure => ToException(job, failure, options.MaxBadRecords),
            failure => ToException(job, failure, options.MaxBadRecords),
            telemetry,
            jobData);
        var outcome = await coordinator.RunAsync(source, sink, token).ConfigureAwait(false);
        var statistics = new MapReduceStatistics
        {
            JobName = jobName,
            InputsRead = outcome.InputsRead,
            PairsEmitted = outcome.PairsEmitted,
            BytesSpilled = outcome.BytesSpilled,
            DistinctKeys = outcome.DistinctKeys,
            BytesRead = outcome.BytesRead,
            SkippedRecords = outcome.SkippedRecords,
            BadRecordsSkipped = outcome.BadRecordsSkipped,
            WorkerCount = silos,
            PartitionCount = partitions,
            MapTime = outcome.MapTime,
            ReduceTime = outcome.ReduceTime,
            TotalTime = clock.Elapsed,
            Counters = outcome.Counters,
        };
        var summary = new ClusterRunSummary
        {
            RunId = outcome.RunId,
            Statistics = statistics,
            MapTasks = outcome.MapTasks,
            MapAttempts = outcome.MapAttempts,
            LostMapOutputs = outcome.LostMapOutputs,
            ReduceAttempts = outcome.ReduceAttempts,
            MapOutputBytes = outcome.MapOutputBytes,
            ShuffleBytes = outcome.ShuffleBytes,
            MapOutputBytesToCoordinator = 0,
            ResultBytesToCoordinator = outcome.ResultBytes,
        };
        _cluster.RunCompleted?.Invoke(summary);
        return (statistics, summary);
    }

    // The map tasks of one input: text splits sized from the files (unless the source sets its own split size), or
    // batches sized to keep every silo busy and a lost task cheap without letting per-task overhead dominate.
    private KitTaskSource TaskSource<TKey, TValue, TOutput>(
        JobDefinition<TKey, TValue, TOutput> job, int index, JobInput input, int silos, MapReduceOptions options)
    {
        long? totalBytes = input.TotalBytes;
        long splitBytes = Math.Clamp((totalBytes ?? 0) / (silos * 16L), 1L << 20, 64L << 20);
        int batch = options.ChunkSize;
        if (batch <= 0)
        {
            batch = input.Count is long count ? (int)Math.Clamp((count + (silos * 16L) - 1) / (silos * 16L), 1, 16_384) : 4096;
        }

        try
        {
            return new KitTaskSource(job.SplitInput(index, input, splitBytes, batch, _codec), job.Name, options.MaxBadRecords, totalBytes, _cluster);
        }
        catch (NotSupportedException e)
        {
            throw new MapReduceClusterException($"MapReduce job '{job.Name}' cannot run on the cluster: {e.Message}", e);
        }
    }

    private MapReduceException ToException<TKey, TValue, TOutput>(JobDefinition<TKey, TValue, TOutput> job, TaskFailure failure, int maxBadRecords) =>
        job.ToException(failure.ToEngine(maxBadRecords), _codec);

    private async Task<int> CountActiveSilosAsync(string jobName, CancellationToken token)
    {
        var hosts = await _grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, token)
            .WaitAsync(_cluster.TaskTimeout + _cluster.TaskTimeout, token).ConfigureAwait(false);
        return hosts.Count > 0
            ? hosts.Count
            : throw new MapReduceClusterException($"MapReduce job '{jobName}' cannot run: the cluster has no active silo.");
    }
}
