namespace MapReduceGen;

/// <summary>
/// Receives the key/value pairs a mapper produces. It is passed by value to the mapper and writes straight
/// into the current worker's table, so emitting allocates nothing but new keys.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public readonly struct Emitter<TKey, TValue>
{
    private readonly EmitterSink<TKey, TValue>? _sink;

    /// <summary>Creates an emitter that forwards every pair to <paramref name="sink"/>.</summary>
    /// <param name="sink">The receiver of the pairs, for example a worker of the local runner or a cluster map task.</param>
    public Emitter(EmitterSink<TKey, TValue> sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
    }

    internal EmitterSink<TKey, TValue> Sink => _sink ?? ThrowDefault();

    /// <summary>Emits one pair.</summary>
    /// <param name="key">The key; must not be <see langword="null"/>.</param>
    /// <param name="value">The value.</param>
    public void Emit(TKey key, TValue value) => Sink.Emit(key, value);

    private static EmitterSink<TKey, TValue> ThrowDefault() =>
        throw new InvalidOperationException(
            "This Emitter was default-initialized; use the emitter the runner passes to the mapper.");
}
