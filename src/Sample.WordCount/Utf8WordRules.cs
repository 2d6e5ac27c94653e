using System.Buffers;
using System.Buffers.Binary;
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

        ReadOnlySpan<byte> table = WordRules.AsciiClass;
        Span<byte> lowered = stackalloc byte[StackWordLength];
        int i = 0;
        int length = line.Length;
        while (true)
        {
            while (i < length && table[line[i]] == WordRules.Separator)
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
            while (i < length && (kind = table[line[i]]) != WordRules.Separator)
            {
                kinds |= kind;
                i++;
            }

            ReadOnlySpan<byte> word = line[start..i];
            if (kinds == WordRules.LowerLetter)
            {
                EmitIfNotStopWord(word, ref sink);
            }
            else if (kinds == WordRules.UpperLetter)
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

    /// <summary>
    /// The seed's stop words, as UTF-8 (see <see cref="WordRules.IsStopWord"/>). Every stop word has at most four letters:
    /// a shorter word is packed into one integer (its bytes, little-endian; letters are never zero, so the packing is
    /// unambiguous) and compared with the packed stop words in one switch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsStopWord(ReadOnlySpan<byte> word)
    {
        uint packed;
        switch (word.Length)
        {
            case 1: packed = word[0]; break;
            case 2: packed = BinaryPrimitives.ReadUInt16LittleEndian(word); break;
            case 3: packed = BinaryPrimitives.ReadUInt16LittleEndian(word) | ((uint)word[2] << 16); break;
            case 4: packed = BinaryPrimitives.ReadUInt32LittleEndian(word); break;
            default: return false;
        }

        return packed switch
        {
            Packed.A or Packed.An or Packed.And or Packed.Are or Packed.As or Packed.Be or Packed.By or Packed.For
                or Packed.If or Packed.In or Packed.Is or Packed.It or Packed.Of or Packed.Or or Packed.Py or Packed.Rst
                or Packed.That or Packed.The or Packed.To or Packed.With => true,
            _ => false,
        };
    }

    // The stop words packed as IsStopWord packs a word.
    private static class Packed
    {
        public const uint A = 'a';
        public const uint An = 'a' | ('n' << 8);
        public const uint And = 'a' | ('n' << 8) | ('d' << 16);
        public const uint Are = 'a' | ('r' << 8) | ('e' << 16);
        public const uint As = 'a' | ('s' << 8);
        public const uint Be = 'b' | ('e' << 8);
        public const uint By = 'b' | ('y' << 8);
        public const uint For = 'f' | ('o' << 8) | ('r' << 16);
        public const uint If = 'i' | ('f' << 8);
        public const uint In = 'i' | ('n' << 8);
        public const uint Is = 'i' | ('s' << 8);
        public const uint It = 'i' | ('t' << 8);
        public const uint Of = 'o' | ('f' << 8);
        public const uint Or = 'o' | ('r' << 8);
        public const uint Py = 'p' | ('y' << 8);
        public const uint Rst = 'r' | ('s' << 8) | ('t' << 16);
        public const uint That = 't' | ('h' << 8) | ('a' << 16) | ((uint)'t' << 24);
        public const uint The = 't' | ('h' << 8) | ('e' << 16);
        public const uint To = 't' | ('o' << 8);
        public const uint With = 'w' | ('i' << 8) | ('t' << 16) | ((uint)'h' << 24);
    }

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
