using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MapReduceGen;

namespace CountWords;

/// <summary>
/// Word count under the rules of the public countwords benchmark: a word is a maximal run of bytes that are not ASCII
/// white space (space, tab, line feed, vertical tab, form feed, carriage return); ASCII letters are lower-cased, every
/// other byte (punctuation, digits, non-ASCII) is kept as it is. The <c>[Mapper]</c> states the rules on a decoded
/// line; <see cref="MapLines"/> applies the same rules to raw UTF-8 blocks of lines, which is what the harness runs.
/// </summary>
public sealed partial class CountWordsJob : IUtf8TextMapper<string, int>
{
    private const int StackWordLength = 128;

    private CountWordsJob()
    {
    }

    /// <summary>Emits (word, 1) for every word of a decoded line.</summary>
    /// <param name="line">One line without its terminator.</param>
    /// <param name="emit">Where the pairs go.</param>
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        Span<char> buffer = stackalloc char[StackWordLength];
        ReadOnlySpan<char> rest = line;
        while (true)
        {
            int start = 0;
            while (start < rest.Length && IsSpace(rest[start]))
            {
                start++;
            }

            if (start == rest.Length)
            {
                return;
            }

            int end = start;
            while (end < rest.Length && !IsSpace(rest[end]))
            {
                end++;
            }

            ReadOnlySpan<char> word = rest[start..end];
            Span<char> lower = word.Length <= buffer.Length ? buffer[..word.Length] : new char[word.Length];
            for (int i = 0; i < word.Length; i++)
            {
                char c = word[i];
                lower[i] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
            }

            emit.Emit(lower, 1);
            rest = rest[end..];
        }
    }

    /// <summary>Adds two counts of one word.</summary>
    /// <param name="left">A count.</param>
    /// <param name="right">Another count.</param>
    /// <returns>The sum.</returns>
    [Reducer]
    public static int Reduce(int left, int right) => left + right;

    /// <summary>
    /// The same rules on raw UTF-8, as a speed-minded user writes them: the block is copied into a per-thread buffer
    /// padded with spaces, then scanned 64 bytes at a time: each 64-byte block is lower-cased in place and turned into a
    /// bit mask of white space with vector operations, and every word is found from the masks with two bit scans (no
    /// branch per byte); each word's bytes go to the emitter as UTF-8 as they lie in the buffer.
    /// </summary>
    /// <param name="lines">Whole lines of UTF-8 text with their terminators.</param>
    /// <param name="emitter">Where the pairs go.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MapLines(ReadOnlySpan<byte> lines, Emitter<string, int> emitter)
    {
        int n = lines.Length;
        int padded = (n + 127) & ~63; // at least one whole block of spaces after the data
        byte[] buffer = t_buffer is { } b && b.Length >= padded ? b : (t_buffer = new byte[Math.Max(padded, 1 << 17)]);
        lines.CopyTo(buffer);
        buffer.AsSpan(n, padded - n).Fill((byte)' ');
        ref byte data = ref MemoryMarshal.GetArrayDataReference(buffer);

        ulong previousInWord = 0;
        ulong next = LowerAndFindSpaces(ref data, 0);
        for (int block = 0; block < n; block += 64)
        {
            ulong space = next;
            next = LowerAndFindSpaces(ref data, block + 64);
            ulong word = ~space;
            ulong starts = word & ~((word << 1) | previousInWord);
            previousInWord = word >> 63;
            while (starts != 0)
            {
                int t = BitOperations.TrailingZeroCount(starts);
                starts &= starts - 1;
                ulong ahead = (space >> t) | (next << (63 - t) << 1);
                int length = ahead != 0 ? BitOperations.TrailingZeroCount(ahead) : LongWordLength(ref data, block + t);
                emitter.EmitUtf8(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref data, block + t), length), 1);
            }
        }
    }

    [ThreadStatic]
    private static byte[]? t_buffer;

    // A word of 64 bytes or more starting at `start`: its length, found block by block (lower-casing each block; the
    // main loop lower-cases it again, which changes nothing). The padding guarantees a space after the data.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int LongWordLength(ref byte data, int start)
    {
        int at = (start & ~63) + 64;
        while (true)
        {
            ulong space = LowerAndFindSpaces(ref data, at);
            if (space != 0)
            {
                return at + BitOperations.TrailingZeroCount(space) - start;
            }

            at += 64;
        }
    }

    // Lower-cases A-Z in the 64 bytes at `at` in place; returns a bit per byte, set for white space.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong LowerAndFindSpaces(ref byte data, int at)
    {
        ref byte p = ref Unsafe.Add(ref data, at);
        return Lower16(ref p) | ((ulong)Lower16(ref Unsafe.Add(ref p, 16)) << 16)
            | ((ulong)Lower16(ref Unsafe.Add(ref p, 32)) << 32) | ((ulong)Lower16(ref Unsafe.Add(ref p, 48)) << 48);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Lower16(ref byte p)
    {
        Vector128<byte> v = Vector128.LoadUnsafe(ref p);
        Vector128<byte> space = Vector128.Equals(v, Vector128.Create((byte)' '))
            | Vector128.LessThan(v - Vector128.Create((byte)'\t'), Vector128.Create((byte)5));
        Vector128<byte> upper = Vector128.LessThan(v - Vector128.Create((byte)'A'), Vector128.Create((byte)26));
        (v | (upper & Vector128.Create((byte)0x20))).StoreUnsafe(ref p);
        return space.ExtractMostSignificantBits();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(byte b) => b == ' ' || (uint)(b - '\t') <= '\r' - '\t';

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';
}
