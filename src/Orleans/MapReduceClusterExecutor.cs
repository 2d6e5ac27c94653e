using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MapReduceGen.Engine;
using MapReduceGen.Engine.Definitions;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Output;
using MapReduceGen.Engine.Reduce;
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
    private readonly IGrainFactory _grains;
    private readonly Serializer _serializer;
    private readonly ClusterExecutionOptions _cluster;
    private readonly ILogger _logger;

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
    }

    private MapReduceClusterExecutor(MapReduceClusterExecutor other, ClusterExecutionOptions clusterOptions)
    {
        _grains = other._grains;
        _serializer = other._serializer;
        _logger = other._logger;
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

    /// <summary>Runs a fold job (reducer <c>TValue R(TValue, TValue)</c>) over in-memory inputs on the cluster.</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TInput">The mapper's input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value (and result) type.</typeparam>
    /// <param name="inputs">The inputs; read once, batch by batch, as map tasks are handed out.</param>
    /// <param name="options">
    /// <see cref="MapReduceOptions.PartitionCount"/> (reduce tasks; default four per silo),
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
        where TKey : notnull =>
        RunAsync(TJob.Definition, [JobInputs.Sequence(inputs)], TaskContext.Empty(), options, cancellationToken);

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
        where TKey : notnull =>
        RunAsync(TJob.Definition, [JobInputs.Sequence(inputs)], TaskContext.Empty(), options, cancellationToken);

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
        where TKey : notnull =>
        RunAsync(TJob.Definition, [JobInputs.Lines(source)], TaskContext.Empty(), options, cancellationToken);

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
        where TKey : notnull =>
        RunAsync(TJob.Definition, [JobInputs.Lines(source)], TaskContext.Empty(), options, cancellationToken);

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
    public Task<TOutput> RunAsync<TKey, TValue, TOutput>(
        JobDefinition<TKey, TValue, TOutput> job, JobInput[] inputs, TaskContext context, MapReduceOptions? options = null,
        CancellationToken cancellationToken = default)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(context);
        return job.Accept(new JobRun<TKey, TValue, TOutput>(this, inputs, context, options, cancellationToken));
    }

    /// <summary>
    /// Runs a fold job over in-memory inputs and hands the result over partition by partition, each as soon as its
    /// reduce task completes (in no particular order). Partitions not yet taken wait on their silos, so the caller holds
    /// about one partition at a time. A run that fails throws from the enumeration, possibly after some partitions
    /// (failures of the mapper always come before the first partition).
    /// </summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TInput">The mapper's input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value (and result) type.</typeparam>
    /// <param name="inputs">The inputs; read once, batch by batch, as map tasks are handed out.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run (so does ending the enumeration early).</param>
    /// <returns>The partitions; together they hold every key once.</returns>
    public IAsyncEnumerable<MapReducePartition<TKey, TValue>> StreamAsync<TJob, TInput, TKey, TValue>(
        IEnumerable<TInput> inputs, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<TInput, TKey, TValue>
        where TKey : notnull =>
        StreamCoreAsync<TJob, TKey, TValue, TValue>(SpecOf(TJob.Definition), [JobInputs.Sequence(inputs)], options, cancellationToken);

    /// <summary>Runs a grouping job over in-memory inputs and hands the result over partition by partition (see the fold overload).</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TInput">The mapper's input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The type of the values the mapper emits.</typeparam>
    /// <typeparam name="TResult">The reducer's result type.</typeparam>
    /// <param name="inputs">The inputs.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The partitions.</returns>
    public IAsyncEnumerable<MapReducePartition<TKey, TResult>> StreamAsync<TJob, TInput, TKey, TValue, TResult>(
        IEnumerable<TInput> inputs, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult>
        where TKey : notnull =>
        StreamCoreAsync<TJob, TKey, TValue, TResult>(SpecOf(TJob.Definition), [JobInputs.Sequence(inputs)], options, cancellationToken);

    /// <summary>Runs a fold job over text files and hands the result over partition by partition (see the in-memory overload).</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value (and result) type.</typeparam>
    /// <param name="source">The files, read by the silos.</param>
    /// <param name="options">Partitions, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The partitions.</returns>
    public IAsyncEnumerable<MapReducePartition<TKey, TValue>> StreamAsync<TJob, TKey, TValue>(
        TextSource source, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<string, TKey, TValue>
        where TKey : notnull =>
        StreamCoreAsync<TJob, TKey, TValue, TValue>(SpecOf(TJob.Definition), [JobInputs.Lines(source)], options, cancellationToken);

    /// <summary>Runs a grouping job over text files and hands the result over partition by partition.</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The type of the values the mapper emits.</typeparam>
    /// <typeparam name="TResult">The reducer's result type.</typeparam>
    /// <param name="source">The files, read by the silos.</param>
    /// <param name="options">Partitions, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The partitions.</returns>
    public IAsyncEnumerable<MapReducePartition<TKey, TResult>> StreamAsync<TJob, TKey, TValue, TResult>(
        TextSource source, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<string, TKey, TValue, TResult>
        where TKey : notnull =>
        StreamCoreAsync<TJob, TKey, TValue, TResult>(SpecOf(TJob.Definition), [JobInputs.Lines(source)], options, cancellationToken);

    /// <summary>
    /// Runs a fold job over in-memory inputs; each reduce task writes its partition as one file,
    /// <c>part-00000.tsv</c> (or <c>.jsonl</c>), into <paramref name="directory"/>, which must be the same directory for
    /// every silo (a shared file system). Only the list of files comes back. A partition is written to a file of its own
    /// attempt first and then renamed, so a file is never seen half-written, and a re-executed reduce task replaces it.
    /// </summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TInput">The mapper's input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value (and result) type.</typeparam>
    /// <param name="inputs">The inputs.</param>
    /// <param name="directory">The output directory, as the silos see it (created when missing).</param>
    /// <param name="format">TSV or JSON Lines.</param>
    /// <param name="options">Partitions (one file each), inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The files, one per partition, and the run's statistics.</returns>
    public Task<ClusterFileOutput> RunToFilesAsync<TJob, TInput, TKey, TValue>(
        IEnumerable<TInput> inputs, string directory, ClusterOutputFormat format = ClusterOutputFormat.Tsv,
        MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<TInput, TKey, TValue>
        where TKey : notnull =>
        FilesAsync<TJob, TKey, TValue, TValue>(SpecOf(TJob.Definition), [JobInputs.Sequence(inputs)], directory, format, options, cancellationToken);

    /// <summary>Runs a grouping job over in-memory inputs; each reduce task writes its partition as one file (see the fold overload).</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TInput">The mapper's input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The type of the values the mapper emits.</typeparam>
    /// <typeparam name="TResult">The reducer's result type.</typeparam>
    /// <param name="inputs">The inputs.</param>
    /// <param name="directory">The output directory, as the silos see it.</param>
    /// <param name="format">TSV or JSON Lines.</param>
    /// <param name="options">Partitions, inputs per map task, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The files and the run's statistics.</returns>
    public Task<ClusterFileOutput> RunToFilesAsync<TJob, TInput, TKey, TValue, TResult>(
        IEnumerable<TInput> inputs, string directory, ClusterOutputFormat format = ClusterOutputFormat.Tsv,
        MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult>
        where TKey : notnull =>
        FilesAsync<TJob, TKey, TValue, TResult>(SpecOf(TJob.Definition), [JobInputs.Sequence(inputs)], directory, format, options, cancellationToken);

    /// <summary>Runs a fold job over text files; each reduce task writes its partition as one file (see the in-memory overload).</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value (and result) type.</typeparam>
    /// <param name="source">The files, read by the silos.</param>
    /// <param name="directory">The output directory, as the silos see it.</param>
    /// <param name="format">TSV or JSON Lines.</param>
    /// <param name="options">Partitions, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The files and the run's statistics.</returns>
    public Task<ClusterFileOutput> RunToFilesAsync<TJob, TKey, TValue>(
        TextSource source, string directory, ClusterOutputFormat format = ClusterOutputFormat.Tsv,
        MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<string, TKey, TValue>
        where TKey : notnull =>
        FilesAsync<TJob, TKey, TValue, TValue>(SpecOf(TJob.Definition), [JobInputs.Lines(source)], directory, format, options, cancellationToken);

    /// <summary>Runs a grouping job over text files; each reduce task writes its partition as one file.</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The type of the values the mapper emits.</typeparam>
    /// <typeparam name="TResult">The reducer's result type.</typeparam>
    /// <param name="source">The files, read by the silos.</param>
    /// <param name="directory">The output directory, as the silos see it.</param>
    /// <param name="format">TSV or JSON Lines.</param>
    /// <param name="options">Partitions, cancellation and progress.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The files and the run's statistics.</returns>
    public Task<ClusterFileOutput> RunToFilesAsync<TJob, TKey, TValue, TResult>(
        TextSource source, string directory, ClusterOutputFormat format = ClusterOutputFormat.Tsv,
        MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<string, TKey, TValue, TResult>
        where TKey : notnull =>
        FilesAsync<TJob, TKey, TValue, TResult>(SpecOf(TJob.Definition), [JobInputs.Lines(source)], directory, format, options, cancellationToken);

    // The spec of an original-shape job's definition, for the overloads that take the job struct as a type argument.
    private static JobSpec<TKey, TValue, TResult> SpecOf<TKey, TValue, TResult>(JobDefinition<TKey, TValue, MapReduceResult<TKey, TResult>> job) =>
        job.Accept(new SpecVisitor<TKey, TValue, TResult>());

    private async Task<TOutput> RunCoreAsync<TJob, TKey, TValue, TResult, TOutput, TKind>(
        JobSpec<TKey, TValue, TResult> spec, JobInput[] inputs, TaskContext context, MapReduceOptions? options, CancellationToken cancellationToken)
        where TJob : struct, IKeyedJob<TKey>
        where TKey : notnull
        where TKind : IOutputKind<TKey, TResult, TOutput>
    {
        GatherSink<TKey, TResult>? sink = null;
        var (statistics, _) = await ExecuteAsync<TJob, TKey, TValue, TResult>(
            spec, inputs, context, options, partitions => sink = new GatherSink<TKey, TResult>(_serializer, partitions, TKind.WritesRecords),
            cancellationToken).ConfigureAwait(false);
        KeyComparison<TKey> keyOrder = KeyComparison<TKey>.Of<TJob>(spec.Layout.HasKeyComparer);
        var settings = new OutputSettings<TKey, TResult>(keyOrder, spec.Layout.SortByKey, spec.Layout.OutputComparer, null);
        return TKind.FromPartitions(sink!.Partitions(), settings, statistics);
    }

    private async Task<ClusterFileOutput> FilesAsync<TJob, TKey, TValue, TResult>(
        JobSpec<TKey, TValue, TResult> spec, JobInput[] inputs, string directory, ClusterOutputFormat format, MapReduceOptions? options,
        CancellationToken cancellationToken)
        where TJob : struct, IKeyedJob<TKey>
        where TKey : notnull
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Use ClusterOutputFormat.Tsv or ClusterOutputFormat.JsonLines.");
        }

        var file = new ReduceFileSpec { Directory = Path.GetFullPath(directory), Format = format };
        FileSink? sink = null;
        var (statistics, _) = await ExecuteAsync<TJob, TKey, TValue, TResult>(
            spec, inputs, TaskContext.Empty(), options, partitions => sink = new FileSink(file, partitions), cancellationToken).ConfigureAwait(false);
        return new ClusterFileOutput(sink!.Files(), statistics);
    }

    private async IAsyncEnumerable<MapReducePartition<TKey, TResult>> StreamCoreAsync<TJob, TKey, TValue, TResult>(
        JobSpec<TKey, TValue, TResult> spec, JobInput[] inputs, MapReduceOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TJob : struct, IKeyedJob<TKey>
        where TKey : notnull
    {
        var channel = Channel.CreateBounded<MapReducePartition<TKey, TResult>>(
            new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = false });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        StreamSink<TKey, TResult>? sink = null;
        Task run = Task.Run(
            async () =>
            {
                try
                {
                    await ExecuteAsync<TJob, TKey, TValue, TResult>(
                        spec, inputs, TaskContext.Empty(), options,
                        partitions => sink = new StreamSink<TKey, TResult>(_serializer, partitions, channel.Writer), stop.Token)
                        .ConfigureAwait(false);
                }
                finally
                {
                    channel.Writer.TryComplete();
                }
            },
            CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var partition))
                {
                    yield return partition;
                }
            }

            await run.ConfigureAwait(false);
        }
        finally
        {
            // The caller stopped early (or the run failed): stop the run and let its tasks go.
            await stop.CancelAsync().ConfigureAwait(false);
            await run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            sink?.Dispose();
        }
    }

    // One run of a job on the cluster, whatever becomes of its partitions (gathered, streamed, written to files): the
    // job's inputs cut into map tasks (one source per input), the run's parameters and a total order's split points
    // sent to every map and reduce task, counters summed over every task.
    private async Task<(MapReduceStatistics Statistics, ClusterRunSummary Summary)> ExecuteAsync<TJob, TKey, TValue, TResult>(
        JobSpec<TKey, TValue, TResult> spec, JobInput[] inputs, TaskContext context, MapReduceOptions? options,
        Func<int, IPartitionSink> createSink, CancellationToken cancellationToken)
        where TJob : struct, IKeyedJob<TKey>
        where TKey : notnull
    {
        var clock = Stopwatch.StartNew();
        options ??= new MapReduceOptions();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, options.CancellationToken);
        var token = linked.Token;
        token.ThrowIfCancellationRequested();
        spec.Check(inputs, context);
        string jobName = spec.Name;
        var inputTypes = inputs.Where(i => !i.IsText).Select(i => i.InputType);
        if (JobTypeCheck.Describe(_serializer, jobName, inputTypes, typeof(TKey), typeof(TValue), typeof(TResult), spec.Parameters.Type) is { } problem)
        {
            throw new MapReduceClusterException(problem);
        }

        int silos = await CountActiveSilosAsync(jobName, token).ConfigureAwait(false);
        int partitions = options.PartitionCount > 0 ? options.PartitionCount : silos * 4;
        int concurrency = _cluster.MaxConcurrentTasks > 0 ? _cluster.MaxConcurrentTasks : silos * 4;
        byte[]? splitPoints = null;
        if (spec.RangePartitioned && partitions > 1)
        {
            KeyComparison<TKey> keyOrder = KeyComparison<TKey>.Of<TJob>(spec.Layout.HasKeyComparer);
            inputs = [.. inputs.Select((input, i) => spec.Mappers[i].Accept(new Materialize<TKey, TValue>(input, jobName)))];
            splitPoints = _serializer.SerializeToArray(SampleSplitPoints(spec, inputs, context, partitions, keyOrder));
        }

        byte[]? jobData = RunData.Encode(_serializer, context.Encode(new OrleansParameterCodec(_serializer)), splitPoints);
        var sources = new IMapTaskSource[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            sources[i] = spec.Mappers[i].Accept(new SourceFactory<TKey, TValue>(this, inputs[i], jobName, silos, options));
        }

        using var source = new RunTaskSource(sources, jobData);
        var sink = createSink(partitions);
        var coordinator = new ClusterCoordinator(
            _grains, _cluster, options, _logger, jobName, partitions, concurrency,
            failure => MapFailure<TKey>(jobName, options.MaxBadRecords, failure),
            failure => ReduceFailure<TKey>(jobName, failure),
            jobData);
        var outcome = await coordinator.RunAsync(source, sink, token).ConfigureAwait(false);
        var statistics = new MapReduceStatistics
        {
            JobName = jobName,
            InputsRead = outcome.InputsRead,
            PairsEmitted = outcome.PairsEmitted,
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

    // Key ranges for a total order, chosen before the map phase from the keys the job's mappers emit for a sample of
    // each input (run here, on the client), so every map task partitions by the same split points.
    private static TKey[] SampleSplitPoints<TKey, TValue, TResult>(
        JobSpec<TKey, TValue, TResult> spec, JobInput[] inputs, TaskContext context, int partitions, KeyComparison<TKey> keyOrder)
        where TKey : notnull
    {
        var samples = new List<TKey>();
        int wanted = Math.Max(1, partitions * SplitPoints.SamplesPerPartition / inputs.Length);
        for (int i = 0; i < inputs.Length; i++)
        {
            spec.Mappers[i].SampleKeys(inputs[i], wanted, context.ForTask(), samples);
        }

        try
        {
            return SplitPoints.Choose(samples, partitions, keyOrder.Compare);
        }
        catch (InvalidOperationException e) when (e.InnerException is { } inner)
        {
            throw MapReduceException.ForKey(spec.Name, null, inner);
        }
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

    /// <summary>Reads a definition's spec (its result type is the one the caller names).</summary>
    private sealed class SpecVisitor<TKey, TValue, TResult>
        : IJobDefinitionVisitor<TKey, TValue, MapReduceResult<TKey, TResult>, JobSpec<TKey, TValue, TResult>>
    {
        public JobSpec<TKey, TValue, TResult> Visit<TJob, TSlot, TSide, TReducer, TSpecResult, TKind>(JobSpec<TKey, TValue, TSpecResult> spec)
            where TJob : struct, IKeyedJob<TKey>
            where TSide : IMapSide<TValue, TSlot>
            where TReducer : IReducer<TKey, TValue, TSlot, TSpecResult>
            where TKind : IOutputKind<TKey, TSpecResult, MapReduceResult<TKey, TResult>> =>
            (JobSpec<TKey, TValue, TResult>)(object)spec;
    }

    /// <summary>Runs a definition with its types: the visitor the definition calls back.</summary>
    private sealed class JobRun<TKey, TValue, TOutput>(
        MapReduceClusterExecutor executor, JobInput[] inputs, TaskContext context, MapReduceOptions? options, CancellationToken cancellationToken)
        : IJobDefinitionVisitor<TKey, TValue, TOutput, Task<TOutput>>
        where TKey : notnull
    {
        public Task<TOutput> Visit<TJob, TSlot, TSide, TReducer, TResult, TKind>(JobSpec<TKey, TValue, TResult> spec)
            where TJob : struct, IKeyedJob<TKey>
            where TSide : IMapSide<TValue, TSlot>
            where TReducer : IReducer<TKey, TValue, TSlot, TResult>
            where TKind : IOutputKind<TKey, TResult, TOutput> =>
            executor.RunCoreAsync<TJob, TKey, TValue, TResult, TOutput, TKind>(spec, inputs, context, options, cancellationToken);
    }

    /// <summary>Makes the map tasks of one input: batches of a sequence, or splits of text files.</summary>
    private sealed class SourceFactory<TKey, TValue>(
        MapReduceClusterExecutor executor, JobInput input, string jobName, int silos, MapReduceOptions options)
        : IJobMapperVisitor<TKey, TValue, IMapTaskSource>
    {
        public IMapTaskSource Visit<TMapper, TInput>(JobMapper<TKey, TValue> mapper)
            where TMapper : struct, IMapFunction<TInput, TKey, TValue>
        {
            var typed = (JobInput<TInput>)input;
            if (typed.Source is { } text)
            {
                return TextSource(text, jobName, silos, options);
            }

            if (typed.Sequence is { } sequence)
            {
                return executor.SequenceSource(sequence, jobName, silos, options);
            }

            throw new MapReduceClusterException(
                $"MapReduce job '{jobName}' cannot run on the cluster: its input '{mapper.InputName}' is an asynchronous sequence " +
                "(or a UTF-8 block input), which only the local runner reads. Pass a sequence or a TextSource.");
        }
    }

    /// <summary>Makes an input that is read once (a sequence that is not a list) into a list, so it can be sampled and then read.</summary>
    private sealed class Materialize<TKey, TValue>(JobInput input, string jobName) : IJobMapperVisitor<TKey, TValue, JobInput>
    {
        public JobInput Visit<TMapper, TInput>(JobMapper<TKey, TValue> mapper)
            where TMapper : struct, IMapFunction<TInput, TKey, TValue>
        {
            var typed = (JobInput<TInput>)input;
            if (typed.Sequence is not { } sequence || sequence is IReadOnlyList<TInput> || sequence is IList<TInput>)
            {
                return input;
            }

            var list = new List<TInput>();
            try
            {
                foreach (TInput item in sequence)
                {
                    list.Add(item);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw MapReduceException.ForSource(jobName, list.Count, e);
            }

            return JobInputs.Sequence(list);
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

    private MapReduceException MapFailure<TKey>(string jobName, int maxBadRecords, TaskFailure failure) =>
        MapFailureCore<TKey>(jobName, maxBadRecords, failure).InInput(failure.InputName);

    private MapReduceException MapFailureCore<TKey>(string jobName, int maxBadRecords, TaskFailure failure)
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
