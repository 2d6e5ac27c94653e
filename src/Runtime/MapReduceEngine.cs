namespace MapReduceGen;

/// <summary>
/// The local runner. Generated <c>Run</c>/<c>RunAsync</c> members call it with the generated job struct; it can
/// also be called directly with any job type that implements <see cref="IFoldJob{TInput, TKey, TValue}"/> or
/// <see cref="IGroupJob{TInput, TKey, TValue, TResult}"/>.
/// </summary>
public static class MapReduceEngine
{
    /// <summary>Runs a fold job over <paramref name="inputs"/> on all cores.</summary>
    /// <typeparam name="TJob">The generated job struct.</typeparam>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value and result type.</typeparam>
    /// <param name="inputs">The inputs; enumerated once, in chunks, from several workers in turn.</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run, as <see cref="MapReduceOptions.CancellationToken"/> does.</param>
    /// <returns>The result.</returns>
    /// <exception cref="MapReduceException">User code threw.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static MapReduceResult<TKey, TValue> RunFold<TJob, TInput, TKey, TValue>(
        IEnumerable<TInput> inputs, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<TInput, TKey, TValue> =>
        FoldJobRunner<TJob, TInput, TKey, TValue>.Run(inputs, options, cancellationToken);

    /// <summary>Runs a fold job on the ThreadPool.</summary>
    /// <typeparam name="TJob">The generated job struct.</typeparam>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value and result type.</typeparam>
    /// <param name="inputs">The inputs.</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The result.</returns>
    public static Task<MapReduceResult<TKey, TValue>> RunFoldAsync<TJob, TInput, TKey, TValue>(
        IEnumerable<TInput> inputs, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<TInput, TKey, TValue>
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Task.Run(
            () => FoldJobRunner<TJob, TInput, TKey, TValue>.Run(inputs, options, cancellationToken), cancellationToken);
    }

    /// <summary>Runs a grouping job over <paramref name="inputs"/> on all cores.</summary>
    /// <typeparam name="TJob">The generated job struct.</typeparam>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="inputs">The inputs; enumerated once, in chunks, from several workers in turn.</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run, as <see cref="MapReduceOptions.CancellationToken"/> does.</param>
    /// <returns>The result.</returns>
    /// <exception cref="MapReduceException">User code threw.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static MapReduceResult<TKey, TResult> RunGroup<TJob, TInput, TKey, TValue, TResult>(
        IEnumerable<TInput> inputs, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult> =>
        GroupJobRunner<TJob, TInput, TKey, TValue, TResult>.Run(inputs, options, cancellationToken);

    /// <summary>Runs a grouping job on the ThreadPool.</summary>
    /// <typeparam name="TJob">The generated job struct.</typeparam>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="inputs">The inputs.</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The result.</returns>
    public static Task<MapReduceResult<TKey, TResult>> RunGroupAsync<TJob, TInput, TKey, TValue, TResult>(
        IEnumerable<TInput> inputs, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult>
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Task.Run(
            () => GroupJobRunner<TJob, TInput, TKey, TValue, TResult>.Run(inputs, options, cancellationToken),
            cancellationToken);
    }

    /// <summary>Runs a fold job over the lines of text files on all cores.</summary>
    /// <typeparam name="TJob">The generated job struct (its mapper takes a line).</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value and result type.</typeparam>
    /// <param name="source">The files; large ones are split at line boundaries and read by all workers.</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run, as <see cref="MapReduceOptions.CancellationToken"/> does.</param>
    /// <returns>The result.</returns>
    /// <exception cref="MapReduceException">User code threw (the exception names the file and line), or a file could not be read.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static MapReduceResult<TKey, TValue> RunFold<TJob, TKey, TValue>(
        TextSource source, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<string, TKey, TValue> =>
        FoldJobRunner<TJob, string, TKey, TValue>.Run(source, options, cancellationToken);

    /// <summary>Runs a fold job over the lines of text files on the ThreadPool.</summary>
    /// <typeparam name="TJob">The generated job struct (its mapper takes a line).</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value and result type.</typeparam>
    /// <param name="source">The files.</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The result.</returns>
    public static Task<MapReduceResult<TKey, TValue>> RunFoldAsync<TJob, TKey, TValue>(
        TextSource source, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<string, TKey, TValue>
    {
        ArgumentNullException.ThrowIfNull(source);
        return Task.Run(
            () => FoldJobRunner<TJob, string, TKey, TValue>.Run(source, options, cancellationToken), cancellationToken);
    }

    /// <summary>Runs a grouping job over the lines of text files on all cores.</summary>
    /// <typeparam name="TJob">The generated job struct (its mapper takes a line).</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="source">The files; large ones are split at line boundaries and read by all workers.</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run, as <see cref="MapReduceOptions.CancellationToken"/> does.</param>
    /// <returns>The result.</returns>
    /// <exception cref="MapReduceException">User code threw (the exception names the file and line), or a file could not be read.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static MapReduceResult<TKey, TResult> RunGroup<TJob, TKey, TValue, TResult>(
        TextSource source, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<string, TKey, TValue, TResult> =>
        GroupJobRunner<TJob, string, TKey, TValue, TResult>.Run(source, options, cancellationToken);

    /// <summary>Runs a grouping job over the lines of text files on the ThreadPool.</summary>
    /// <typeparam name="TJob">The generated job struct (its mapper takes a line).</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="source">The files.</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The result.</returns>
    public static Task<MapReduceResult<TKey, TResult>> RunGroupAsync<TJob, TKey, TValue, TResult>(
        TextSource source, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<string, TKey, TValue, TResult>
    {
        ArgumentNullException.ThrowIfNull(source);
        return Task.Run(
            () => GroupJobRunner<TJob, string, TKey, TValue, TResult>.Run(source, options, cancellationToken),
            cancellationToken);
    }

    /// <summary>
    /// Runs a fold job over an asynchronous sequence: the sequence is awaited into a bounded buffer that the workers
    /// drain, so memory stays bounded and no worker blocks on the sequence's I/O.
    /// </summary>
    /// <typeparam name="TJob">The generated job struct.</typeparam>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value and result type.</typeparam>
    /// <param name="inputs">The inputs; enumerated once.</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run and the enumeration.</param>
    /// <returns>The result.</returns>
    /// <exception cref="MapReduceException">User code or the sequence threw.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static Task<MapReduceResult<TKey, TValue>> RunFoldAsync<TJob, TInput, TKey, TValue>(
        IAsyncEnumerable<TInput> inputs, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<TInput, TKey, TValue> =>
        AsyncSequenceBridge.RunAsync<TInput, TKey, TValue>(
            TJob.Name,
            inputs,
            (drained, token) => FoldJobRunner<TJob, TInput, TKey, TValue>.Run(drained, options, token),
            cancellationToken);

    /// <summary>
    /// Runs a grouping job over an asynchronous sequence: the sequence is awaited into a bounded buffer that the
    /// workers drain, so memory stays bounded and no worker blocks on the sequence's I/O.
    /// </summary>
    /// <typeparam name="TJob">The generated job struct.</typeparam>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="inputs">The inputs; enumerated once.</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run and the enumeration.</param>
    /// <returns>The result.</returns>
    /// <exception cref="MapReduceException">User code or the sequence threw.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static Task<MapReduceResult<TKey, TResult>> RunGroupAsync<TJob, TInput, TKey, TValue, TResult>(
        IAsyncEnumerable<TInput> inputs, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult> =>
        AsyncSequenceBridge.RunAsync<TInput, TKey, TResult>(
            TJob.Name,
            inputs,
            (drained, token) => GroupJobRunner<TJob, TInput, TKey, TValue, TResult>.Run(drained, options, token),
            cancellationToken);

    /// <summary>
    /// Runs a fold job over the lines of text files on all cores, mapping raw UTF-8 blocks of whole lines with
    /// <typeparamref name="TMapper"/> instead of the job's string mapper: no line is decoded or allocated.
    /// </summary>
    /// <typeparam name="TJob">The generated job struct: its reducer, key hashing and name are used (its mapper is not).</typeparam>
    /// <typeparam name="TMapper">The UTF-8 mapper, usually the job class itself.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value and result type.</typeparam>
    /// <param name="source">The files; large ones are split at line boundaries and read by all workers.</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run, as <see cref="MapReduceOptions.CancellationToken"/> does.</param>
    /// <returns>The result.</returns>
    /// <exception cref="MapReduceException">User code threw (the exception names the file and the line where the failing block starts), or a file could not be read.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static MapReduceResult<TKey, TValue> RunFoldUtf8<TJob, TMapper, TKey, TValue>(
        TextSource source, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<string, TKey, TValue>
        where TMapper : IUtf8TextMapper<TKey, TValue> =>
        FoldJobRunner<TJob, string, TKey, TValue>.RunUtf8<TMapper>(source, options, cancellationToken);

    /// <summary>
    /// Runs a fold job over the lines of a stream (standard input, a pipe) on all cores, mapping raw UTF-8 blocks of
    /// whole lines with <typeparamref name="TMapper"/>: workers take turns copying the next block (about 1 MiB) out of
    /// the stream and map their blocks in parallel. The stream is read to its end and not disposed.
    /// </summary>
    /// <typeparam name="TJob">The generated job struct: its reducer, key hashing and name are used (its mapper is not).</typeparam>
    /// <typeparam name="TMapper">The UTF-8 mapper, usually the job class itself.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value and result type.</typeparam>
    /// <param name="stream">A readable stream of UTF-8 text (a leading byte order mark is skipped).</param>
    /// <param name="options">Settings, or <see langword="null"/> for defaults.</param>
    /// <param name="cancellationToken">Stops the run, as <see cref="MapReduceOptions.CancellationToken"/> does.</param>
    /// <returns>The result.</returns>
    /// <exception cref="MapReduceException">User code threw, or the stream could not be read.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static MapReduceResult<TKey, TValue> RunFoldUtf8<TJob, TMapper, TKey, TValue>(
        Stream stream, MapReduceOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : struct, IFoldJob<string, TKey, TValue>
        where TMapper : IUtf8TextMapper<TKey, TValue> =>
        FoldJobRunner<TJob, string, TKey, TValue>.RunUtf8<TMapper>(stream, "-", options, cancellationToken);
}
