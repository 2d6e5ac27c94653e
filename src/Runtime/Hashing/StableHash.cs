using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MapReduceGen;

/// <summary>
/// Hashes that are the same in every process, on every machine and in every .NET version (unlike
/// <see cref="string.GetHashCode()"/>, which is randomised per process). Generated jobs use them to partition
/// pairs, so a cluster backend sends a key to the same partition whichever process emitted it.
/// </summary>
/// <remarks>
/// These are fast, well-mixed, non-cryptographic hashes with a fixed seed. They do not resist deliberate
/// collision attacks: do not key a job on untrusted input chosen to collide if that is a concern.
/// </remarks>
public static class StableHash
{
    private const ulong Seed = 0x9E3779B97F4A7C15UL;
    private const ulong Multiplier = 0xBF58476D1CE4E5B9UL;

    /// <summary>Hashes a string ordinally (its UTF-16 code units).</summary>
    /// <param name="value">The string; <see langword="null"/> hashes as empty.</param>
    /// <returns>The hash.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(string? value) => Of(value.AsSpan());

    /// <summary>Hashes characters ordinally; equal to <see cref="Of(string)"/> for the same characters.</summary>
    /// <param name="value">The characters.</param>
    /// <returns>The hash.</returns>
    public static int Of(ReadOnlySpan<char> value)
    {
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(value);
        ulong hash = Seed ^ (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Multiplier;
            hash ^= hash >> 29;
            bytes = bytes[8..];
        }

        if (bytes.Length >= 4)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt32LittleEndian(bytes)) * Multiplier;
            hash ^= hash >> 29;
            bytes = bytes[4..];
        }

        if (bytes.Length >= 2)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt16LittleEndian(bytes)) * Multiplier;
        }

        return Finish(hash);
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
    private static int Finish(ulong hash)
    {
        hash ^= hash >> 31;
        hash *= 0x94D049BB133111EBUL;
        hash ^= hash >> 32;
        return (int)hash;
    }
}
