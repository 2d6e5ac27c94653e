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
