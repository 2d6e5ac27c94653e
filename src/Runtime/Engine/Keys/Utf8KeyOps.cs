using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MapReduceGen.Engine.Keys;

/// <summary>String keys stored as UTF-8 (<see cref="Utf8Key"/>): hashed and compared as bytes.</summary>
internal readonly struct Utf8KeyOps : IKeyOps<Utf8Key>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int StableHash(in Utf8Key key) => Engine.StableHash.OfUtf8(key.Span);

    public int KeyedHash(in Utf8Key key) => Keyed(key.Span);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Equal(in Utf8Key left, in Utf8Key right) => left.Is(right.Span, right.Prefix);

    /// <summary>
    /// A hash of bytes keyed per process: Marvin (the randomised hash .NET's own string hashing uses) over the bytes
    /// taken two at a time, mixed with the odd last byte and the length by <see cref="HashCode"/> (also seeded per
    /// process).
    /// </summary>
    public static int Keyed(ReadOnlySpan<byte> bytes)
    {
        int marvin = string.GetHashCode(MemoryMarshal.Cast<byte, char>(bytes));
        int last = (bytes.Length & 1) != 0 ? bytes[^1] : -1;
        return HashCode.Combine(marvin, last, bytes.Length);
    }
}
