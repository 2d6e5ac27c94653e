using System.Runtime.CompilerServices;

namespace MapReduceGen.Engine.Keys;

/// <summary>
/// Looks up a string key given as well-formed UTF-8 bytes (see <see cref="Utf8Text.Normalize"/>); when added, its
/// bytes are copied into <paramref name="arena"/> (which may be <see langword="null"/> for a lookup that never adds).
/// </summary>
internal readonly ref struct Utf8Probe(ReadOnlySpan<byte> bytes, Utf8Arena? arena) : IKeyProbe<Utf8Key>
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Matches(in Utf8Key stored) =>
        stored.Length == _bytes.Length && stored.Bytes.AsSpan(stored.Offset, stored.Length).SequenceEqual(_bytes);

    public int KeyedHash() => Utf8KeyOps.Keyed(_bytes);

    public Utf8Key Store() => arena!.Store(_bytes);
}
