using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MapReduceGen.Engine;
using MapReduceGen.Orleans.Coordinator;
using MapReduceGen.Orleans.Jobs;
using MapReduceGen.Orleans.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;

namespace MapReduceGen.Orleans;

/// <summary>
/// Runs generated MapReduceGen jobs on an Orleans cluster. The caller (a cluster client, or a grain) is the coordinator
/// and handles only task ids, locations and status: it cuts the input into map tasks, one grain activation per task
/// spread over the silos; each task maps its split, combines (fold jobs) or groups its pairs and partitions them by the
/// job's stable hash, and keeps its output on its silo; one reduce task per partition fetches that partition of every
/// map output directly from the map tasks' silos, in bounded chunks, while the other map tasks still run, and reduces.
/// The results are gathered into the same <see cref="MapReduceResult{TKey, TResult}"/> as the job's local <c>Run</c>
/// (<c>RunAsync</c>), streamed partition by partition (<c>StreamAsync</c>), or written by the reduce tasks as one file
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
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return GatherAsync<TKey, TValue, TValue>(Sequence<TInput>(TJob.Name, inputs), options, cancellationToken);
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
        return GatherAsync<TKey, TValue, TResult>(Sequence<TInput>(TJob.Name, inputs), options, cancellationToken);
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
        return GatherAsync<TKey, TValue, TValue>(Text(TJob.Name, source), options, cancellationToken);
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
        return GatherAsync<TKey, TValue, TResult>(Text(TJob.Name, source), options, cancellationToken);
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
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return StreamCoreAsync<TKey, TValue, TValue>(Sequence<TInput>(TJob.Name, inputs), options, cancellationToken);
    }

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
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return StreamCoreAsync<TKey, TValue, TResult>(Sequence<TInput>(TJob.Name, inputs), options, cancellationToken);
    }

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
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        return StreamCoreAsync<TKey, TValue, TValue>(Text(TJob.Name, source), options, cancellationToken);
    }

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
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        return StreamCoreAsync<TKey, TValue, TResult>(Text(TJob.Name, source), options, cancellationToken);
    }

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
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return FilesAsync<TKey, TValue, TValue>(Sequence<TInput>(TJob.Name, inputs), directory, format, options, cancellationToken);
    }

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
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return FilesAsync<TKey, TValue, TResult>(Sequence<TInput>(TJob.Name, inputs), directory, format, options, cancellationToken);
    }

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
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        return FilesAsync<TKey, TValue, TValue>(Text(TJob.Name, source), directory, format, options, cancellationToken);
    }

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
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        return FilesAsync<TKey, TValue, TResult>(Text(TJob.Name, source), directory, format, options, cancellationToken);
    }

    // What a run reads: the job's name, the input type when inputs travel (null for text), and the task source.
    private sealed record RunInput(string JobName, Type? InputType, Func<int, MapReduceOptions, Serializer, IMapTaskSource> CreateSource);

    private static RunInput Sequence<TInput>(string jobName, IEnumerable<TInput> inputs) =>
        new(jobName, typeof(TInput), (silos, options, serializer) =>
        {
            int batch = options.ChunkSize;
            if (batch <= 0)
            {
                // Enough tasks to keep every silo busy and to make a lost task cheap, but not so many that per-task
                // overhead dominates.
                batch = inputs.TryGetNonEnumeratedCount(out int count)
                    ? (int)Math.Clamp((count + (silos * 16L) - 1) / (silos * 16L), 1, 16_384)
                    : 4096;
            }

            return new SequenceTaskSource<TInput>(inputs, batch, jobName, options.MaxBadRecords, serializer);
        });

    private static RunInput Text(string jobName, TextSource source) =>
        new(jobName, null, (silos, options, _) =>
        {
            long splitBytes = source.SplitBytes > 0
                ? source.SplitBytes
                : Math.Clamp(source.TotalBytes / (silos * 16L), 1L << 20, 64L << 20);
            return new TextTaskSource(source, splitBytes, jobName, options.MaxBadRecords);
        });

    private async Task<MapReduceResult<TKey, TResult>> GatherAsync<TKey, TValue, TResult>(
        RunInput input, MapReduceOptions? options, CancellationToken cancellationToken)
        where TKey : notnull
    {
        GatherSink<TKey, TResult>? sink = null;
        var (statistics, _) = await ExecuteAsync<TKey, TValue, TResult>(
            input, options, partitions => sink = new GatherSink<TKey, TResult>(_serializer, partitions), cancellationToken).ConfigureAwait(false);
        return MapReduceResult.Create(sink!.Entries(), statistics);
    }

    private async Task<ClusterFileOutput> FilesAsync<TKey, TValue, TResult>(
        RunInput input, string directory, ClusterOutputFormat format, MapReduceOptions? options, CancellationToken cancellationToken)
        where TKey : notnull
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Use ClusterOutputFormat.Tsv or ClusterOutputFormat.JsonLines.");
        }

        var spec = new ReduceFileSpec { Directory = Path.GetFullPath(directory), Format = format };
        FileSink? sink = null;
        var (statistics, _) = await ExecuteAsync<TKey, TValue, TResult>(
            input, options, partitions => sink = new FileSink(spec, partitions), cancellationToken).ConfigureAwait(false);
        return new ClusterFileOutput(sink!.Files(), statistics);
    }

    private async IAsyncEnumerable<MapReducePartition<TKey, TResult>> StreamCoreAsync<TKey, TValue, TResult>(
        RunInput input, MapReduceOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
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
                    await ExecuteAsync<TKey, TValue, TResult>(
                        input, options, partitions => sink = new StreamSink<TKey, TResult>(_serializer, partitions, channel.Writer), stop.Token)
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

    private async Task<(MapReduceStatistics Statistics, ClusterRunSummary Summary)> ExecuteAsync<TKey, TValue, TResult>(
        RunInput input, MapReduceOptions? options, Func<int, IPartitionSink> createSink, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var clock = Stopwatch.StartNew();
        options ??= new MapReduceOptions();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, options.CancellationToken);
        var token = linked.Token;
        token.ThrowIfCancellationRequested();
        if (JobTypeCheck.Describe(_serializer, input.JobName, input.InputType, typeof(TKey), typeof(TValue), typeof(TResult)) is { } problem)
        {
            throw new MapReduceClusterException(problem);
        }

        int silos = await CountActiveSilosAsync(input.JobName, token).ConfigureAwait(false);
        int partitions = options.PartitionCount > 0 ? options.PartitionCount : silos * 4;
        int concurrency = _cluster.MaxConcurrentTasks > 0 ? _cluster.MaxConcurrentTasks : silos * 4;
        var source = input.CreateSource(silos, options, _serializer);
        try
        {
            var sink = createSink(partitions);
            var coordinator = new ClusterCoordinator(
                _grains, _cluster, options, _logger, input.JobName, partitions, concurrency,
                failure => MapFailure<TKey>(input.JobName, options.MaxBadRecords, failure),
                failure => ReduceFailure<TKey>(input.JobName, failure));
            var outcome = await coordinator.RunAsync(source, sink, token).ConfigureAwait(false);
            var statistics = new MapReduceStatistics
            {
                JobName = input.JobName,
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
