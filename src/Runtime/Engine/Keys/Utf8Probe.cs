using System.Runtime.CompilerServices;

namespace MapReduceGen.Engine.Keys;

/// <summary>
/// Looks up a string key given as well-formed UTF-8 bytes (see <see cref="Utf8Text.Normalize"/>); when added, its
/// bytes are copied into <paramref name="arena"/> (which may be <see langword="null"/> for a lookup that never adds).
/// </summary>
/// <remarks>
/// <paramref name="prefix"/> is the key's first eight bytes (<see cref="StableHash.OfUtf8(ReadOnlySpan{byte}, out ulong)"/>
/// gives it with the hash): a key of up to eight bytes is matched on it and the length alone.
/// </remarks>
internal readonly ref struct Utf8Probe(ReadOnlySpan<byte> bytes, ulong prefix, Utf8Arena? arena) : IKeyProbe<Utf8Key>
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;

    public Utf8Probe(ReadOnlySpan<byte> bytes, Utf8Arena? arena)
        : this(bytes, StableHash.PrefixOf(bytes), arena)
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Matches(in Utf8Key stored) => stored.Is(_bytes, prefix);

    public int KeyedHash() => Utf8KeyOps.Keyed(_bytes);

    public Utf8Key Store() => arena!.Store(_bytes, prefix);
}
