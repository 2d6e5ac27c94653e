namespace MapReduceGen;

/// <summary>
/// The receiving end of an <see cref="Emitter{TKey, TValue}"/>. The runners' map workers derive from it; derive from it
/// to collect the pairs of a mapper in a unit test (<c>MyJob.Map(input, new Emitter&lt;K, V&gt;(collector))</c>).
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

    /// <summary>
    /// Receives one pair whose key is given as UTF-8 bytes; only called when <typeparamref name="TKey"/> is
    /// <see cref="string"/>. The default implementation decodes the key (invalid sequences as U+FFFD) and calls
    /// <see cref="Emit(ReadOnlySpan{char}, TValue)"/>; tables override it to store the bytes as they are.
    /// </summary>
    /// <param name="utf8Key">The key's UTF-8 bytes.</param>
    /// <param name="value">The value.</param>
    public virtual void EmitUtf8(ReadOnlySpan<byte> utf8Key, TValue value)
    {
        if (typeof(TKey) != typeof(string))
        {
            throw new NotSupportedException(
                $"A UTF-8 key can only be emitted when the key type is string, not {typeof(TKey)}.");
        }

        Emit(System.Text.Encoding.UTF8.GetString(utf8Key).AsSpan(), value);
    }
}
