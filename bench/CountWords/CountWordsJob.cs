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
    /// The same rules on raw UTF-8. Each word is found and lower-cased with 16-byte vector operations (no branch per
    /// byte) into a small buffer and emitted as UTF-8, so the table hashes and compares its bytes as they are; words of
    /// 16 bytes or more and the last bytes of the block take a scalar path.
    /// </summary>
    /// <param name="lines">Whole lines of UTF-8 text with their terminators.</param>
    /// <param name="emitter">Where the pairs go.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MapLines(ReadOnlySpan<byte> lines, Emitter<string, int> emitter)
    {
        Span<byte> word = stackalloc byte[Vector128<byte>.Count];
        int i = 0;
        int n = lines.Length;
        while (true)
        {
            while (i < n && IsSpace(lines[i]))
            {
                i++;
            }

            if (i >= n)
            {
                return;
            }

            if (n - i >= Vector128<byte>.Count)
            {
                Vector128<byte> bytes = Vector128.Create(lines.Slice(i, Vector128<byte>.Count));
                Vector128<byte> space = Vector128.Equals(bytes, Vector128.Create((byte)' '))
                    | Vector128.LessThanOrEqual(bytes - Vector128.Create((byte)'\t'), Vector128.Create((byte)('\r' - '\t')));
                int length = BitOperations.TrailingZeroCount(space.ExtractMostSignificantBits() | 0x1_0000);
                if (length < Vector128<byte>.Count)
                {
                    Vector128<byte> upper = Vector128.LessThanOrEqual(bytes - Vector128.Create((byte)'A'), Vector128.Create((byte)('Z' - 'A')));
                    (bytes | (upper & Vector128.Create((byte)0x20))).CopyTo(word);
                    emitter.EmitUtf8(word[..length], 1);
                    i += length;
                    continue;
                }
            }

            int start = i;
            while (i < n && !IsSpace(lines[i]))
            {
                i++;
            }

            EmitScalar(lines[start..i], emitter);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(byte b) => b == ' ' || (uint)(b - '\t') <= '\r' - '\t';

    // A word of any length, lower-cased byte by byte.
    private static void EmitScalar(ReadOnlySpan<byte> word, Emitter<string, int> emitter)
    {
        byte[]? rented = word.Length > StackWordLength ? ArrayPool<byte>.Shared.Rent(word.Length) : null;
        Span<byte> lower = rented ?? stackalloc byte[StackWordLength];
        for (int k = 0; k < word.Length; k++)
        {
            byte b = word[k];
            lower[k] = (uint)(b - 'A') <= 'Z' - 'A' ? (byte)(b | 0x20) : b;
        }

        emitter.EmitUtf8(lower[..word.Length], 1);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';
}
