using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace MapReduceGen.Engine;

/// <summary>
/// Hashes keyed by a secret drawn once per process: what a table switches to when its keys collide under the stable
/// hash (<see cref="StableHash"/>), so keys chosen to collide cannot keep colliding. Each value is hashed by its
/// contents (never by <see cref="object.GetHashCode()"/> when the contents are known), normalised as key equality
/// compares it: <c>1.0m</c> and <c>1.00m</c>, <c>0.0</c> and <c>-0.0</c>, every NaN hash alike.
/// </summary>
/// <remarks>
/// The mixer is multiply-add-shift universal hashing (Dietzfelbinger) over 64-bit words with 128-bit secret multipliers:
/// the top 32 bits of <c>a1 * x1 (+ a2 * x2) + b mod 2^128</c>. For any two different inputs fixed in advance, the chance
/// over the secret that they collide is about 2^-31, whatever the inputs, so no set of keys built without the secret
/// collides more than random keys do. Tuples and records combine their members' keyed hashes with
/// <see cref="Combine(int, int)"/> (generated code); strings use .NET's own randomised string hash (Marvin). A type this
/// class does not know (a class or struct with its own equality) is hashed by its own hash code, mixed: as
/// flood-resistant as that hash code is.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KeyedHash
{
    // The secret: random multipliers (odd) and an addend, 128 bits each, drawn from the operating system's secure
    // generator (through Guid.NewGuid, 122 random bits each, which needs no cryptography library in a native binary).
    private static readonly UInt128 First = Draw() | 1;
    private static readonly UInt128 Second = Draw() | 1;
    private static readonly UInt128 Pair = Draw() | 1;
    private static readonly UInt128 Addend = Draw();

    /// <summary>Hashes a 64-bit integer with the per-process secret.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The keyed hash.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(long value) => Mix((ulong)value);

    /// <summary>Hashes a 64-bit unsigned integer with the per-process secret.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The keyed hash.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(ulong value) => Mix(value);

    /// <summary>Hashes a 32-bit integer with the per-process secret (as the 64-bit integer of the same value).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The keyed hash.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(int value) => Mix((ulong)(long)value);

    /// <summary>Hashes a double so that values equal as keys (<see cref="double.Equals(double)"/>) hash alike: 0.0 and -0.0, every NaN.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The keyed hash.</returns>
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

        return Mix((ulong)BitConverter.DoubleToInt64Bits(value));
    }

    /// <summary>Hashes a float so that values equal as keys hash alike (as the double of the same value).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The keyed hash.</returns>
    public static int Of(float value) => Of((double)value);

    /// <summary>
    /// Hashes a decimal by its normalised value, so that values equal as keys hash alike (<c>1.0m</c> and <c>1.00m</c>,
    /// <c>0m</c> and <c>-0m</c>): the 96-bit coefficient without trailing decimal zeros, the scale and the sign.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The keyed hash.</returns>
    public static int Of(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        uint low = (uint)bits[0];
        uint middle = (uint)bits[1];
        uint high = (uint)bits[2];
        int scale = (bits[3] >> 16) & 0xFF;
        bool negative = bits[3] < 0;
        if ((low | middle | high) == 0)
        {
            return Mix(0, 0);
        }

        // Take trailing decimal zeros off the coefficient (1.00m is 100 at scale 2, the same key as 1 at scale 0).
        while (scale > 0 && (low & 1) == 0 && DivideByTen(ref high, ref middle, ref low))
        {
            scale--;
        }

        ulong word = ((ulong)high) | ((ulong)(uint)scale << 32) | (negative ? 1UL << 40 : 0);
        return Mix(((ulong)middle << 32) | low, word);
    }

    /// <summary>Hashes a 128-bit integer with the per-process secret.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The keyed hash.</returns>
    public static int Of(Int128 value) => Mix((ulong)value, (ulong)(value >> 64));

    /// <summary>Hashes a 128-bit unsigned integer with the per-process secret.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The keyed hash.</returns>
    public static int Of(UInt128 value) => Mix((ulong)value, (ulong)(value >> 64));

    /// <summary>Hashes a GUID with the per-process secret.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The keyed hash.</returns>
    public static int Of(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes);
        return Mix(BitConverter.ToUInt64(bytes), BitConverter.ToUInt64(bytes[8..]));
    }

    /// <summary>Hashes a date and time by its ticks, as its equality compares it (the kind is ignored).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The keyed hash.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(DateTime value) => Mix((ulong)value.Ticks);

    /// <summary>Hashes a date, time and offset by its UTC ticks, as its equality compares it.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The keyed hash.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(DateTimeOffset value) => Mix((ulong)value.UtcTicks);

    /// <summary>
    /// Hashes a string ordinally with .NET's randomised string hash (Marvin, keyed per process);
    /// <see langword="null"/> hashes as 0.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The keyed hash.</returns>
    public static int Of(string? value) => value is null ? 0 : value.GetHashCode(StringComparison.Ordinal);

    /// <summary>
    /// Hashes a key of any type: by its contents for the types above, <see cref="bool"/>, <see cref="char"/>, every
    /// integer type, <see cref="TimeSpan"/>, <see cref="DateOnly"/>, <see cref="TimeOnly"/> and enums (by their
    /// underlying value); any other type by its own hash code (<see cref="EqualityComparer{T}.Default"/>), mixed with the
    /// secret: as flood-resistant as that hash code is. Tuples and records get a member-wise keyed hash from the generator
    /// instead.
    /// </summary>
    /// <typeparam name="T">The key type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The keyed hash.</returns>
    public static int Of<T>(T value)
    {
        // Value types: the JIT and Native AOT keep only the branch of the type at hand.
        if (typeof(T) == typeof(long)) return Of(Unsafe.As<T, long>(ref value));
        if (typeof(T) == typeof(int)) return Of(Unsafe.As<T, int>(ref value));
        if (typeof(T) == typeof(ulong)) return Of(Unsafe.As<T, ulong>(ref value));
        if (typeof(T) == typeof(uint)) return Of((long)Unsafe.As<T, uint>(ref value));
        if (typeof(T) == typeof(short)) return Of(Unsafe.As<T, short>(ref value));
        if (typeof(T) == typeof(ushort)) return Of(Unsafe.As<T, ushort>(ref value));
        if (typeof(T) == typeof(sbyte)) return Of(Unsafe.As<T, sbyte>(ref value));
        if (typeof(T) == typeof(byte)) return Of(Unsafe.As<T, byte>(ref value));
        if (typeof(T) == typeof(char)) return Of(Unsafe.As<T, char>(ref value));
        if (typeof(T) == typeof(bool)) return Of(Unsafe.As<T, bool>(ref value) ? 1 : 0);
        if (typeof(T) == typeof(nint)) return Of((long)Unsafe.As<T, nint>(ref value));
        if (typeof(T) == typeof(nuint)) return Of((ulong)Unsafe.As<T, nuint>(ref value));
        if (typeof(T) == typeof(double)) return Of(Unsafe.As<T, double>(ref value));
        if (typeof(T) == typeof(float)) return Of(Unsafe.As<T, float>(ref value));
        if (typeof(T) == typeof(decimal)) return Of(Unsafe.As<T, decimal>(ref value));
        if (typeof(T) == typeof(Int128)) return Of(Unsafe.As<T, Int128>(ref value));
        if (typeof(T) == typeof(UInt128)) return Of(Unsafe.As<T, UInt128>(ref value));
        if (typeof(T) == typeof(Guid)) return Of(Unsafe.As<T, Guid>(ref value));
        if (typeof(T) == typeof(DateTime)) return Of(Unsafe.As<T, DateTime>(ref value));
        if (typeof(T) == typeof(DateTimeOffset)) return Of(Unsafe.As<T, DateTimeOffset>(ref value));
        if (typeof(T) == typeof(TimeSpan)) return Of(Unsafe.As<T, TimeSpan>(ref value).Ticks);
        if (typeof(T) == typeof(DateOnly)) return Of(Unsafe.As<T, DateOnly>(ref value).DayNumber);
        if (typeof(T) == typeof(TimeOnly)) return Of(Unsafe.As<T, TimeOnly>(ref value).Ticks);
        if (typeof(T).IsEnum)
        {
            // An enum is equal by its underlying value: hash those bits.
            return Unsafe.SizeOf<T>() switch
            {
                1 => Of(Unsafe.As<T, byte>(ref value)),
                2 => Of(Unsafe.As<T, ushort>(ref value)),
                4 => Of(Unsafe.As<T, int>(ref value)),
                _ => Of(Unsafe.As<T, long>(ref value)),
            };
        }

        if (typeof(T) == typeof(string)) return Of(Unsafe.As<string?>((object?)value));
        return value is null ? 0 : Of(EqualityComparer<T>.Default.GetHashCode(value));
    }

    /// <summary>
    /// Combines two keyed hashes, order-sensitively (the members of a tuple or record), with the secret: pairs of member
    /// hashes collide only as often as random pairs do.
    /// </summary>
    /// <param name="first">The keyed hash of the first part.</param>
    /// <param name="second">The keyed hash of the second part.</param>
    /// <returns>The combined keyed hash.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Combine(int first, int second) =>
        (int)(uint)(((Pair * (((ulong)(uint)first << 32) | (uint)second)) + Addend) >> 96);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Mix(ulong value) => (int)(uint)(((First * value) + Addend) >> 96);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Mix(ulong first, ulong second) =>
        (int)(uint)(((First * first) + (Second * second) + Addend) >> 96);

    // Divides the 96-bit number high:middle:low by ten when it is a multiple of ten (true), else leaves it (false).
    private static bool DivideByTen(ref uint high, ref uint middle, ref uint low)
    {
        ulong remainder = high % 10;
        uint newHigh = high / 10;
        ulong part = (remainder << 32) | middle;
        uint newMiddle = (uint)(part / 10);
        part = ((part % 10) << 32) | low;
        uint newLow = (uint)(part / 10);
        if (part % 10 != 0)
        {
            return false;
        }

        high = newHigh;
        middle = newMiddle;
        low = newLow;
        return true;
    }

    private static UInt128 Draw()
    {
        Span<byte> bytes = stackalloc byte[32];
        Guid.NewGuid().TryWriteBytes(bytes);
        Guid.NewGuid().TryWriteBytes(bytes[16..]);
        return new UInt128(BitConverter.ToUInt64(bytes) ^ BitConverter.ToUInt64(bytes[16..]), BitConverter.ToUInt64(bytes[8..]) ^ BitConverter.ToUInt64(bytes[24..]));
    }
}
