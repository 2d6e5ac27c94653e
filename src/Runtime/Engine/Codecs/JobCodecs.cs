using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// The codecs of a job's key, value and result (or record) types, as the generator writes them: what spill files and a
/// cluster's shuffle are written with. A type the generator cannot write member by member has no codec
/// (<see langword="null"/>): a job without key and value codecs cannot spill to disk, and its pieces travel through the
/// cluster backend's own serializer.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <typeparam name="TResult">The result or record type.</typeparam>
/// <param name="key">The key codec, or <see langword="null"/>.</param>
/// <param name="value">The value codec, or <see langword="null"/>.</param>
/// <param name="result">The result or record codec, or <see langword="null"/>.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JobCodecs<TKey, TValue, TResult>(ValueCodec<TKey>? key, ValueCodec<TValue>? value, ValueCodec<TResult>? result)
{
    /// <summary>The key codec, or <see langword="null"/>.</summary>
    public ValueCodec<TKey>? Key { get; } = key;

    /// <summary>The value codec, or <see langword="null"/>.</summary>
    public ValueCodec<TValue>? Value { get; } = value;

    /// <summary>The result or record codec, or <see langword="null"/>.</summary>
    public ValueCodec<TResult>? Result { get; } = result;
}
