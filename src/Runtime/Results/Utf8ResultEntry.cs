namespace MapReduceGen;

/// <summary>
/// An entry of a result with string keys, its key given as UTF-8 bytes (see
/// <see cref="MapReduceResultExtensions.Utf8Entries{TResult}(MapReduceResult{string, TResult})"/>). Bytewise order of keys is
/// Unicode code point order.
/// </summary>
/// <typeparam name="TResult">The result type.</typeparam>
public readonly struct Utf8ResultEntry<TResult>
{
    /// <summary>Makes an entry.</summary>
    /// <param name="key">The key's UTF-8 bytes.</param>
    /// <param name="result">The key's result.</param>
    public Utf8ResultEntry(ReadOnlyMemory<byte> key, TResult result)
    {
        Key = key;
        Result = result;
    }

    /// <summary>
    /// The key's UTF-8 bytes, owned by the result (do not keep them past the result's lifetime expecting a copy); a lone
    /// surrogate of a key emitted as characters is in its three-byte WTF-8 form.
    /// </summary>
    public ReadOnlyMemory<byte> Key { get; }

    /// <summary>The key's result.</summary>
    public TResult Result { get; }

    /// <summary>Deconstructs the entry.</summary>
    /// <param name="key">The key's UTF-8 bytes.</param>
    /// <param name="result">The key's result.</param>
    public void Deconstruct(out ReadOnlyMemory<byte> key, out TResult result)
    {
        key = Key;
        result = Result;
    }
}
