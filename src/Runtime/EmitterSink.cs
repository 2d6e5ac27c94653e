namespace MapReduceGen;

/// <summary>
/// The receiving end of an <see cref="Emitter{TKey, TValue}"/>. The local runner's workers derive from it; another
/// executor (a cluster map task, a test) can derive from it to collect pairs from a generated job's mapper.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public abstract class EmitterSink<TKey, TValue>
{
    /// <summary>Receives one pair.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public abstract void Emit(TKey key, TValue value);

    /// <summary>
    /// Receives one pair whose key is given as characters; only called when <typeparamref name="TKey"/> is
    /// <see cref="string"/>. The default implementation allocates the string and calls <see cref="Emit(TKey, TValue)"/>;
    /// tables override it to allocate only for keys they have not seen.
    /// </summary>
    /// <param name="key">The key's characters.</param>
    /// <param name="value">The value.</param>
    public virtual void Emit(ReadOnlySpan<char> key, TValue value)
    {
        if (typeof(TKey) != typeof(string))
        {
            throw new NotSupportedException(
                $"A ReadOnlySpan<char> key can only be emitted when the key type is string, not {typeof(TKey)}.");
        }

        Emit((TKey)(object)key.ToString(), value);
    }
}
