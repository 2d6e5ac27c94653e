using System.Buffers;
using System.Buffers.Binary;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MapReduceGen.Engine.Keys;

namespace MapReduceGen.Engine;

/// <summary>
/// Hashes that are the same in every process and on every machine (unlike <see cref="string.GetHashCode()"/>, which is
/// randomised per process). Generated jobs use them to partition pairs, so every executor, local or on a cluster,
/// sends a key to the same partition whichever process emitted it.
/// </summary>
/// <remarks>
/// These are fast, well-mixed, non-cryptographic hashes with a fixed seed: anyone can build keys that collide. The
/// engine's tables therefore only start with them; a table whose probes grow abnormally long switches to a hash keyed
/// per process (see docs/architecture.md, "Hash flooding"), so chosen keys cannot make a run quadratic. Strings hash
/// as their UTF-8 bytes (a lone surrogate as its three-byte WTF-8 form), so a key emitted as a string, as characters
/// or as UTF-8 bytes hashes the same.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StableHash
{
    private const ulong Seed = 0x9E3779B97F4A7C15UL;
    private const ulong Multiplier = 0xBF58476D1CE4E5B9UL;
    private const ulong LengthMultiplier = 0x94D049BB133111EBUL;
    private const int StackBytes = 256;

    /// <summary>Hashes a string ordinally: the hash of its UTF-8 encoding (see <see cref="OfUtf8(ReadOnlySpan{byte})"/>).</summary>
    /// <param name="value">The string; <see langword="null"/> hashes as empty.</param>
    /// <returns>The hash.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(string? value) => Of(value.AsSpan());

    /// <summary>Hashes characters: the hash of their UTF-8 encoding; equal to <see cref="Of(string)"/> for the same characters.</summary>
    /// <param name="value">The characters.</param>
    /// <returns>The hash.</returns>
    public static int Of(ReadOnlySpan<char> value)
    {
        if (value.Length <= StackBytes)
        {
            Span<byte> ascii = stackalloc byte[StackBytes];
            if (System.Text.Ascii.FromUtf16(value, ascii, out int written) == OperationStatus.Done)
            {
                return OfUtf8(ascii[..written]);
            }
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent(Utf8Text.MaxEncodedLength(value.Length));
        try
        {
            return OfUtf8(rented.AsSpan(0, Utf8Text.Encode(value, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Hashes UTF-8 bytes as they are (no validation): a key of up to eight bytes as one zero-padded word mixed with its
    /// length; a longer key eight bytes at a time, then its length and a final mix. Equal to <see cref="Of(string)"/> of
    /// the string whose UTF-8 encoding the bytes are.
    /// </summary>
    /// <param name="utf8">The bytes.</param>
    /// <returns>The hash.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int OfUtf8(ReadOnlySpan<byte> utf8) => OfUtf8(utf8, out _);

    /// <summary>
    /// Hashes UTF-8 bytes as <see cref="OfUtf8(ReadOnlySpan{byte})"/> does, also giving their first eight bytes
    /// (little-endian, zero-padded), which the hash reads anyway: tables keep them to compare short keys at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int OfUtf8(ReadOnlySpan<byte> utf8, out ulong prefix)
    {
        int length = utf8.Length;
        ref byte start = ref MemoryMarshal.GetReference(utf8);
        if (length <= 8)
        {
            // Most keys (words): the zero-padded bytes as one word, no loop.
            prefix = length == 8 ? Unsafe.ReadUnaligned<ulong>(ref start) : length == 0 ? 0 : ReadShort(ref start, length);
            return OfShortUtf8(prefix, length);
        }

        prefix = Unsafe.ReadUnaligned<ulong>(ref start);
        return OfLongUtf8(ref start, length);
    }

    /// <summary>The hash of a key of at most eight bytes, given as its zero-padded bytes and its length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int OfShortUtf8(ulong prefix, int length)
    {
        ulong hash = (prefix ^ Seed ^ ((ulong)length << 59)) * Multiplier;
        hash ^= hash >> 32;
        hash *= LengthMultiplier;
        return (int)(hash ^ (hash >> 32));
    }

    // Keys of more than eight bytes: eight bytes at a time, the last eight overlapping, then the length and a final mix.
    private static int OfLongUtf8(ref byte start, int length)
    {
        ulong hash = Seed;
        int i = 0;
        for (; i + 8 < length; i += 8)
        {
            hash = (hash ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i))) * Multiplier;
            hash ^= hash >> 29;
        }

        // The last eight bytes, shifted so that only those not hashed yet remain (zero-padded): one load, no loop.
        int tail = length - i;
        ulong last = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, length - 8)) >> ((8 - tail) * 8);
        hash = (hash ^ last) * Multiplier;
        hash ^= hash >> 29;
        return Finish(hash ^ ((ulong)length * LengthMultiplier));
    }

    /// <summary>The first eight bytes of a key (little-endian, zero-padded), as <see cref="OfUtf8(ReadOnlySpan{byte}, out ulong)"/> gives them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong PrefixOf(ReadOnlySpan<byte> utf8)
    {
        ref byte start = ref MemoryMarshal.GetReference(utf8);
        return utf8.Length >= 8 ? Unsafe.ReadUnaligned<ulong>(ref start) : utf8.Length == 0 ? 0 : ReadShort(ref start, utf8.Length);
    }

    /// <summary>Hashes a 32-bit integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The hash.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(int value) => Finish(Seed ^ (uint)value);

    /// <summary>Hashes a 64-bit integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The hash.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(long value) => Finish((Seed ^ (ulong)value) * Multiplier);

    /// <summary>Hashes a 64-bit unsigned integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The hash.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(ulong value) => Of((long)value);

    /// <summary>Hashes a double so that values that compare equal hash equally (0.0 and -0.0, every NaN).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The hash.</returns>
    public static int Of(double value)
    {
        if (value == 0d)
        {
            value = 0d;
        }
        else if (double.IsNaN(value))
        {
            value = double.NaN;
        }

        return Of(BitConverter.DoubleToInt64Bits(value));
    }

    /// <summary>Hashes a float so that values that compare equal hash equally.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The hash.</returns>
    public static int Of(float value) => Of((double)value);

    /// <summary>Hashes a decimal so that values that compare equal (1.0m and 1.00m) hash equally.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The hash.</returns>
    public static int Of(decimal value) => Of((double)value);

    /// <summary>Hashes a 128-bit integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The hash.</returns>
    public static int Of(Int128 value) => Combine(Of((long)(value >> 64)), Of((long)value));

    /// <summary>Hashes a GUID.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The hash.</returns>
    public static int Of(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes);
        return Combine(
            Of(BinaryPrimitives.ReadInt64LittleEndian(bytes)),
            Of(BinaryPrimitives.ReadInt64LittleEndian(bytes[8..])));
    }

    /// <summary>Combines two hashes, order-sensitively (for tuples and records).</summary>
    /// <param name="first">The hash of the first part.</param>
    /// <param name="second">The hash of the second part.</param>
    /// <returns>The combined hash.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Combine(int first, int second) =>
        Finish((((ulong)(uint)first << 32) | (uint)second) * Multiplier);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadShort(ref byte start, int count)
    {
        // One to seven bytes, little-endian and zero-padded, from overlapping loads (no loop): the overlapping bytes
        // are the same bytes, so OR-ing them changes nothing.
        if (count >= 4)
        {
            ulong low = Unsafe.ReadUnaligned<uint>(ref start);
            ulong high = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, count - 4));
            return low | (high << ((count - 4) * 8));
        }

        int middle = count >> 1;
        return start
            | ((ulong)Unsafe.Add(ref start, middle) << (middle * 8))
            | ((ulong)Unsafe.Add(ref start, count - 1) << ((count - 1) * 8));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Finish(ulong hash)
    {
        hash ^= hash >> 31;
        hash *= 0x94D049BB133111EBUL;
        hash ^= hash >> 32;
        return (int)hash;
    }
}
