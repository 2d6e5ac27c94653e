namespace MapReduceGen.Engine.Keys;

/// <summary>
/// A string key stored as UTF-8 bytes in a chunk of a <see cref="Utf8Arena"/>: tables of string keys hold these instead
/// of strings, so a key costs its bytes once per worker and is hashed and compared without decoding. The bytes are
/// always well-formed UTF-8, except that a lone surrogate of a key given as characters is kept as its three-byte
/// WTF-8 form, so every string maps to bytes and back unchanged.
/// </summary>
internal readonly struct Utf8Key(byte[] bytes, int offset, int length, ulong prefix)
{
    public Utf8Key(byte[] bytes, int offset, int length)
        : this(bytes, offset, length, Engine.StableHash.PrefixOf(bytes.AsSpan(offset, length)))
    {
    }

    /// <summary>The chunk that holds the bytes.</summary>
    public readonly byte[] Bytes = bytes;

    /// <summary>Where the key starts in <see cref="Bytes"/>.</summary>
    public readonly int Offset = offset;

    /// <summary>The key's length in bytes.</summary>
    public readonly int Length = length;

    /// <summary>The key's first eight bytes (little-endian, zero-padded): keys of up to eight bytes compare on it alone.</summary>
    public readonly ulong Prefix = prefix;

    public ReadOnlySpan<byte> Span => Bytes.AsSpan(Offset, Length);

    public override string ToString() => Utf8Text.Decode(Span);

    /// <summary>Whether the key is <paramref name="other"/>'s bytes, whose first eight bytes are <paramref name="otherPrefix"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool Is(ReadOnlySpan<byte> other, ulong otherPrefix) =>
        Length == other.Length && Prefix == otherPrefix &&
        (Length <= 8 || Bytes.AsSpan(Offset + 8, Length - 8).SequenceEqual(other[8..]));
}
