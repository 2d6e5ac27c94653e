using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Sample.WordCount;

/// <summary>
/// The seed's word rules (<see cref="WordRules"/>) on raw UTF-8 lines, for the job's block mapper. A line of ASCII is
/// handled as bytes: split at the seed's separators (white space and ASCII punctuation), words with a digit or a
/// control character dropped, upper case lowered, stop words dropped; every kept word is handed over as UTF-8. A line
/// with any other byte is decoded (ill-formed sequences as U+FFFD, as the line reader decodes them) and handled by
/// <see cref="WordRules"/> itself, so both paths keep exactly the same words.
/// </summary>
internal static class Utf8WordRules
{
    private const int StackWordLength = 256;

    // As WordRules' table: 0 a-z, 1 A-Z, 2 other ASCII (digits, control characters), 4 separator.
    private const byte LowerLetter = 0;
    private const byte UpperLetter = 1;
    private const byte Separator = 4;

    private static ReadOnlySpan<byte> AsciiClass =>
    [
        2, 2, 2, 2, 2, 2, 2, 2, 2, 4, 4, 4, 4, 4, 2, 2, // 0x00-0x0F
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 4, 4, 4, 4, // 0x10-0x1F
        4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, // 0x20-0x2F
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 4, 4, 4, 4, 4, 4, // 0x30-0x3F
        4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 0x40-0x4F
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4, 4, 4, 4, 4, // 0x50-0x5F
        4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x60-0x6F
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 2, // 0x70-0x7F
    ];

    /// <summary>
    /// Hands every kept word of a block of whole lines (each ending in <c>\n</c>, <c>\r\n</c> or <c>\r</c>, but perhaps
    /// the last) to <paramref name="sink"/>: ASCII lines' words as UTF-8 (<see cref="IUtf8WordSink.Utf8Word"/>), other
    /// lines' words as characters (<see cref="IWordSink.Word"/>). Spans are valid only during the call.
    /// </summary>
    public static void ForEachWord<TSink>(ReadOnlySpan<byte> lines, ref TSink sink)
        where TSink : struct, IUtf8WordSink, allows ref struct
    {
        while (!lines.IsEmpty)
        {
            int end = lines.IndexOfAny((byte)'\n', (byte)'\r');
            ReadOnlySpan<byte> line = end < 0 ? lines : lines[..end];
            lines = end < 0 ? default : lines[(end + 1)..];
            if (System.Text.Ascii.IsValid(line))
            {
                ForEachAsciiWord(line, ref sink);
            }
            else
            {
                ForEachDecodedWord(line, ref sink);
            }
        }
    }

    private static void ForEachAsciiWord<TSink>(ReadOnlySpan<byte> line, ref TSink sink)
        where TSink : struct, IUtf8WordSink, allows ref struct
    {
        if (IsSkippedLine(line))
        {
            return;
        }

        ReadOnlySpan<byte> table = AsciiClass;
        Span<byte> lowered = stackalloc byte[StackWordLength];
        int i = 0;
        int length = line.Length;
        while (true)
        {
            while (i < length && table[line[i]] == Separator)
            {
                i++;
            }

            if (i >= length)
            {
                return;
            }

            int start = i;
            int kinds = 0;
            byte kind;
            while (i < length && (kind = table[line[i]]) != Separator)
            {
                kinds |= kind;
                i++;
            }

            ReadOnlySpan<byte> word = line[start..i];
            if (kinds == LowerLetter)
            {
                EmitIfNotStopWord(word, ref sink);
            }
            else if (kinds == UpperLetter)
            {
                // Upper and lower letters only (any other ASCII makes a word that is never kept).
                if (word.Length <= StackWordLength)
                {
                    System.Text.Ascii.ToLower(word, lowered, out int written);
                    EmitIfNotStopWord(lowered[..written], ref sink);
                }
                else
                {
                    EmitLong(word, ref sink);
                }
            }
        }
    }

    // Python's lstrip().startswith('..') for an ASCII line: white space is ' ', \t-\r and \x1c-\x1f.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSkippedLine(ReadOnlySpan<byte> line)
    {
        int i = 0;
        while (i < line.Length && (line[i] == ' ' || (uint)(line[i] - '\t') <= '\r' - '\t' || (uint)(line[i] - 0x1C) <= 3))
        {
            i++;
        }

        return line.Length - i >= 2 && line[i] == '.' && line[i + 1] == '.';
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EmitIfNotStopWord<TSink>(scoped ReadOnlySpan<byte> word, ref TSink sink)
        where TSink : struct, IUtf8WordSink, allows ref struct
    {
        if (!IsStopWord(word))
        {
            sink.Utf8Word(word);
        }
    }

    /// <summary>The seed's stop words, as UTF-8 (see <see cref="WordRules.IsStopWord"/>).</summary>
    private static bool IsStopWord(ReadOnlySpan<byte> word) => word.Length <= 4 && word switch
    {
        [(byte)'a'] => true,
        [(byte)'a', (byte)'n'] or [(byte)'a', (byte)'r', (byte)'e'] or [(byte)'a', (byte)'n', (byte)'d'] or [(byte)'a', (byte)'s'] => true,
        [(byte)'b', (byte)'e'] or [(byte)'b', (byte)'y'] => true,
        [(byte)'f', (byte)'o', (byte)'r'] => true,
        [(byte)'i', (byte)'f'] or [(byte)'i', (byte)'n'] or [(byte)'i', (byte)'s'] or [(byte)'i', (byte)'t'] => true,
        [(byte)'o', (byte)'f'] or [(byte)'o', (byte)'r'] => true,
        [(byte)'p', (byte)'y'] => true,
        [(byte)'r', (byte)'s', (byte)'t'] => true,
        [(byte)'t', (byte)'h', (byte)'a', (byte)'t'] or [(byte)'t', (byte)'h', (byte)'e'] or [(byte)'t', (byte)'o'] => true,
        [(byte)'w', (byte)'i', (byte)'t', (byte)'h'] => true,
        _ => false,
    };

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EmitLong<TSink>(ReadOnlySpan<byte> word, ref TSink sink)
        where TSink : struct, IUtf8WordSink, allows ref struct
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(word.Length);
        System.Text.Ascii.ToLower(word, rented, out int written);
        sink.Utf8Word(rented.AsSpan(0, written));
        ArrayPool<byte>.Shared.Return(rented);
    }

    // A line with a non-ASCII byte: decoded as the line reader decodes, then the character rules.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ForEachDecodedWord<TSink>(ReadOnlySpan<byte> line, ref TSink sink)
        where TSink : struct, IUtf8WordSink, allows ref struct
    {
        char[] chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(line.Length));
        try
        {
            int count = Encoding.UTF8.GetChars(line, chars);
            WordRules.ForEachWord(chars.AsSpan(0, count), ref sink);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
