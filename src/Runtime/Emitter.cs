namespace MapReduceGen;

/// <summary>
/// Receives the key/value pairs a mapper produces. It is passed by value to the mapper and writes straight into the
/// current worker's table, so emitting allocates nothing but new keys.
/// </summary>
/// <remarks>
/// In a job's own code, the generator turns each <c>Emit</c> call into a direct call to the worker's table for that
/// job (C# interceptors), so emitting a pair costs no virtual call. An emitter made for another sink (a test's
/// <see cref="EmitterSink{TKey, TValue}"/>) works everywhere through <see cref="EmitterSink{TKey, TValue}"/>'s virtual
/// members.
/// </remarks>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public readonly struct Emitter<TKey, TValue>
{
    private readonly EmitterSink<TKey, TValue>? _sink;

    /// <summary>Creates an emitter that forwards every pair to <paramref name="sink"/>.</summary>
    /// <param name="sink">The receiver of the pairs: a runner's worker, or a collector in a test of a mapper.</param>
    public Emitter(EmitterSink<TKey, TValue> sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
    }

    /// <summary>The receiver of the pairs.</summary>
    internal EmitterSink<TKey, TValue> Sink => _sink ?? ThrowDefault();

    /// <summary>The receiver of the pairs, or <see langword="null"/> for a default-initialized emitter.</summary>
    internal EmitterSink<TKey, TValue>? SinkOrNull => _sink;

    /// <summary>Emits one pair.</summary>
    /// <param name="key">The key; must not be <see langword="null"/>.</param>
    /// <param name="value">The value.</param>
    public void Emit(TKey key, TValue value) => Sink.Emit(key, value);

    private static EmitterSink<TKey, TValue> ThrowDefault() =>
        throw new InvalidOperationException(
            "This Emitter was default-initialized; use the emitter the runner passes to the mapper.");
}
