using System.Buffers;
using System.Runtime.CompilerServices;
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
    /// The same rules on raw UTF-8: one pass over the bytes finds the words and lower-cases them straight into a
    /// UTF-16 key buffer, so the table hashes and compares them without a string; a word with a non-ASCII byte is
    /// lower-cased as bytes and emitted as UTF-8 (decoded as the line reader would decode it).
    /// </summary>
    /// <param name="lines">Whole lines of UTF-8 text with their terminators.</param>
    /// <param name="emitter">Where the pairs go.</param>
    public static void MapLines(ReadOnlySpan<byte> lines, Emitter<string, int> emitter)
    {
        Span<char> word = stackalloc char[StackWordLength];
        ReadOnlySpan<byte> classes = ByteClass;
        int i = 0;
        int n = lines.Length;
        while (true)
        {
            // Skip white space.
            while (true)
            {
                if (i >= n)
                {
                    return;
                }

                if (classes[lines[i]] != Space)
                {
                    break;
                }

                i++;
            }

            int start = i;
            int length = 0;
            int seen = 0;
            while (i < n)
            {
                byte b = lines[i];
                byte cls = classes[b];
                if (cls == Space)
                {
                    break;
                }

                seen |= cls;
                if ((uint)length < (uint)word.Length)
                {
                    word[length] = (char)(b | (cls & Upper));
                }

                length++;
                i++;
            }

            if ((seen & NonAscii) != 0 || length > word.Length)
            {
                EmitSlow(lines[start..i], emitter);
                continue;
            }

            emitter.Emit(word[..length], 1);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EmitSlow(ReadOnlySpan<byte> word, Emitter<string, int> emitter)
    {
        byte[] lower = ArrayPool<byte>.Shared.Rent(word.Length);
        for (int i = 0; i < word.Length; i++)
        {
            byte b = word[i];
            lower[i] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
        }

        emitter.EmitUtf8(lower.AsSpan(0, word.Length), 1);
        ArrayPool<byte>.Shared.Return(lower);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    // Byte classes: Upper is 0x20 so that (b | (class & Upper)) lower-cases A-Z.
    private const byte Other = 0;
    private const byte Space = 1;
    private const byte Upper = 0x20;
    private const byte NonAscii = 0x40;

    private static ReadOnlySpan<byte> ByteClass =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, // 0x00: \t \n \v \f \r
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x20: space
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, // 0x40: A-O
        32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 0, 0, 0, 0, 0, // 0x50: P-Z
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, // 0x80-0xFF: non-ASCII
        64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
        64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
        64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
        64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
        64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
        64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
        64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    ];
}
