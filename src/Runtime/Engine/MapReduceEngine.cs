using System.ComponentModel;
using MapReduceGen.Engine.Local;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine;

/// <summary>
/// The local runner, as generated <c>Run</c>/<c>RunAsync</c> members call it: one entry point per reducer shape, each
/// taking any <see cref="JobInput{TInput}"/>. Every shape runs on the same core (see docs/architecture.md).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MapReduceEngine
{
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
        where TJob : struct, IFoldJob<TInput, TKey, TValue>
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.IsAsync
            ? FoldExecutor<TJob, TInput, TKey, TValue>.RunAsync(input.Open, options, cancellationToken).GetAwaiter().GetResult()
            : FoldExecutor<TJob, TInput, TKey, TValue>.Run(input.Open, options, cancellationToken);
    }

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
        where TJob : struct, IFoldJob<TInput, TKey, TValue>
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.IsAsync
            ? FoldExecutor<TJob, TInput, TKey, TValue>.RunAsync(input.Open, options, cancellationToken)
            : Task.Run(() => FoldExecutor<TJob, TInput, TKey, TValue>.Run(input.Open, options, cancellationToken), cancellationToken);
    }

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
        where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult>
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.IsAsync
            ? GroupExecutor<TJob, TInput, TKey, TValue, TResult>.RunAsync(input.Open, options, cancellationToken).GetAwaiter().GetResult()
            : GroupExecutor<TJob, TInput, TKey, TValue, TResult>.Run(input.Open, options, cancellationToken);
    }

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
        where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult>
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.IsAsync
            ? GroupExecutor<TJob, TInput, TKey, TValue, TResult>.RunAsync(input.Open, options, cancellationToken)
            : Task.Run(() => GroupExecutor<TJob, TInput, TKey, TValue, TResult>.Run(input.Open, options, cancellationToken), cancellationToken);
    }
}
