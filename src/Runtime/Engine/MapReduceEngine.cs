using System.ComponentModel;
namespace MapReduceGen.Engine;

/// <summary>
/// The local runner, as generated <c>Run</c>/<c>RunAsync</c> members call it: <see cref="Run{TKey, TValue, TOutput}"/> for any
/// job definition (every shape, one input per mapper, parameters), and the original entry points of the first two shapes,
/// which run the job struct's own <c>Definition</c>. Every shape runs on the same core (see docs/architecture.md).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MapReduceEngine
{
    /// <summary>Runs a job on all cores.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TOutput">The job's output.</typeparam>
    /// <param name="job">The job's definition.</param>
    /// <param name="inputs">One input per mapper, in the order of the job's mappers.</param>
    /// <param name="context">The run's parameters (<see cref="TaskContext.Empty"/> for a job without).</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run, as <see cref="MapReduceOptions.CancellationToken"/> does.</param>
    /// <returns>The output.</returns>
    /// <exception cref="MapReduceException">User code or an input threw.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static TOutput Run<TKey, TValue, TOutput>(
        JobDefinition<TKey, TValue, TOutput> job, JobInput[] inputs, TaskContext context, MapReduceOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Run(inputs, context, options, cancellationToken);
    }

    /// <summary>Runs a job without blocking the caller.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TOutput">The job's output.</typeparam>
    /// <param name="job">The job's definition.</param>
    /// <param name="inputs">One input per mapper, in the order of the job's mappers.</param>
    /// <param name="context">The run's parameters (<see cref="TaskContext.Empty"/> for a job without).</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The output.</returns>
    public static Task<TOutput> RunAsync<TKey, TValue, TOutput>(
        JobDefinition<TKey, TValue, TOutput> job, JobInput[] inputs, TaskContext context, MapReduceOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.RunAsync(inputs, context, options, cancellationToken);
    }

    /// <summary>
    /// Runs a job on all cores and hands its output over as it is reduced, partition after partition (in index order;
    /// key order when the job sorts by key), each partition in parts of a few thousand keys, so the output never has to
    /// fit in memory: together with the memory budget (<see cref="MapReduceOptions.MemoryBudget"/>), a run of any size
    /// holds a bounded amount. A run that fails throws from the enumeration; stopping the enumeration early stops the run.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="job">The job's definition.</param>
    /// <param name="inputs">One input per mapper, in the order of the job's mappers.</param>
    /// <param name="context">The run's parameters (<see cref="TaskContext.Empty"/> for a job without).</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The output's parts.</returns>
    public static async IAsyncEnumerable<MapReducePartition<TKey, TResult>> StreamAsync<TKey, TValue, TResult>(
        JobDefinition<TKey, TValue, MapReduceResult<TKey, TResult>> job, JobInput[] inputs, TaskContext context, MapReduceOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await foreach (object part in job.StreamAsync(inputs, context, options, cancellationToken).ConfigureAwait(false))
        {
            yield return (MapReducePartition<TKey, TResult>)part;
        }
    }

    /// <summary>Runs a job whose reducer writes records and hands the records over as they are written (see the other overload).</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="job">The job's definition.</param>
    /// <param name="inputs">One input per mapper, in the order of the job's mappers.</param>
    /// <param name="context">The run's parameters.</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The records' parts.</returns>
    public static async IAsyncEnumerable<MapReduceRecordPartition<TRecord>> StreamRecordsAsync<TKey, TValue, TRecord>(
        JobDefinition<TKey, TValue, MapReduceRecords<TRecord>> job, JobInput[] inputs, TaskContext context, MapReduceOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await foreach (object part in job.StreamAsync(inputs, context, options, cancellationToken).ConfigureAwait(false))
        {
            yield return (MapReduceRecordPartition<TRecord>)part;
        }
    }

    /// <summary>
    /// Runs a job on all cores and writes its output as one file per partition (<c>part-00000.tsv</c> or <c>.jsonl</c>), each
    /// written as its partition is reduced, into a work directory inside <paramref name="directory"/>; when every partition
    /// is written they are committed (the previous run's <c>part-*</c> files are replaced, <c>_SUCCESS</c> is written last).
    /// A run that fails leaves the directory as it was; the directory is checked writable before anything runs.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TOutput">The job's output.</typeparam>
    /// <param name="job">The job's definition.</param>
    /// <param name="inputs">One input per mapper, in the order of the job's mappers.</param>
    /// <param name="context">The run's parameters.</param>
    /// <param name="directory">The output directory (created when missing).</param>
    /// <param name="format">The files' format.</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The files and the run's statistics.</returns>
    /// <exception cref="MapReduceException">User code or an input threw, or the directory or a file cannot be written.</exception>
    public static Task<MapReduceFileOutput> RunToFilesAsync<TKey, TValue, TOutput>(
        JobDefinition<TKey, TValue, TOutput> job, JobInput[] inputs, TaskContext context, string directory,
        MapReduceFileFormat format = MapReduceFileFormat.Tsv, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.RunToFilesAsync(inputs, context, directory, format, options, cancellationToken);
    }

    /// <summary>Runs a fold job (reducer <c>TValue R(TValue, TValue)</c>) on all cores.</summary>
    /// <typeparam name="TJob">The generated job struct.</typeparam>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value and result type.</typeparam>
    /// <param name="input">The input.</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run, as <see cref="MapReduceOptions.CancellationToken"/> does.</param>
    /// <returns>The result.</returns>
    /// <exception cref="MapReduceException">User code or the input threw.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static MapReduceResult<TKey, TValue> RunFold<TJob, TInput, TKey, TValue>(
        JobInput<TInput> input, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<TInput, TKey, TValue> =>
        TJob.Definition.Run([input], TaskContext.Empty(), options, cancellationToken);

    /// <summary>Runs a fold job without blocking the caller.</summary>
    /// <typeparam name="TJob">The generated job struct.</typeparam>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value and result type.</typeparam>
    /// <param name="input">The input.</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The result.</returns>
    public static Task<MapReduceResult<TKey, TValue>> RunFoldAsync<TJob, TInput, TKey, TValue>(
        JobInput<TInput> input, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<TInput, TKey, TValue> =>
        TJob.Definition.RunAsync([input], TaskContext.Empty(), options, cancellationToken);

    /// <summary>Runs a grouping job (reducer <c>TResult R(TKey, ReadOnlySpan&lt;TValue&gt;)</c>) on all cores.</summary>
    /// <typeparam name="TJob">The generated job struct.</typeparam>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="input">The input.</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run, as <see cref="MapReduceOptions.CancellationToken"/> does.</param>
    /// <returns>The result.</returns>
    /// <exception cref="MapReduceException">User code or the input threw.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static MapReduceResult<TKey, TResult> RunGroup<TJob, TInput, TKey, TValue, TResult>(
        JobInput<TInput> input, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult> =>
        TJob.Definition.Run([input], TaskContext.Empty(), options, cancellationToken);

    /// <summary>Runs a grouping job without blocking the caller.</summary>
    /// <typeparam name="TJob">The generated job struct.</typeparam>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="input">The input.</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The result.</returns>
    public static Task<MapReduceResult<TKey, TResult>> RunGroupAsync<TJob, TInput, TKey, TValue, TResult>(
        JobInput<TInput> input, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult> =>
        TJob.Definition.RunAsync([input], TaskContext.Empty(), options, cancellationToken);
}
