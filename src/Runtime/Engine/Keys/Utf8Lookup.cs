using System.Runtime.CompilerServices;

namespace MapReduceGen.Engine.Keys;

/// <summary>
/// Looks up a string key given as UTF-8 bytes without ever adding it (the map sinks' hot path: a small probe, so the
/// lookup inlines into the emitting code with no stack to clear). <paramref name="prefix"/> is the key's first eight
/// bytes, as <see cref="StableHash.OfUtf8(ReadOnlySpan{byte}, out ulong)"/> gives them.
/// </summary>
internal readonly ref struct Utf8Lookup(ReadOnlySpan<byte> bytes, ulong prefix) : IKeyProbe<Utf8Key>
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Matches(in Utf8Key stored) => stored.Is(_bytes, prefix);

    public int KeyedHash() => Utf8KeyOps.Keyed(_bytes);

    public Utf8Key Store() => throw new InvalidOperationException("A lookup probe never adds its key.");
}
