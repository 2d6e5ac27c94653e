using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Sample.WordCount;

/// <summary>
/// The word rules of the seed (PyMOTW's <c>multiprocessing_wordcount.py</c>), with Python 3 semantics:
/// <code>
/// if line.lstrip().startswith('..'): continue
/// line = line.translate({p: ' ' for p in string.punctuation})
/// for word in line.split():
///     word = word.lower()
///     if word.isalpha() and word not in STOP_WORDS: emit(word, 1)
/// </code>
/// White space is Python's <c>str.isspace</c> set; <c>lower()</c> is Python's full lower-casing
/// (including the Greek final sigma and U+0130, whose lower case "i\u0307" is not alphabetic, so a word
/// holding it is never kept); <c>isalpha()</c> is judged per Unicode scalar (categories Lu, Ll, Lt, Lm, Lo).
/// Unicode data is .NET's, so code points that Python's Unicode version has not assigned yet may differ.
/// </summary>
internal static class WordRules
{
    /// <summary>Words up to this many UTF-16 units are lower-cased in a stack buffer; longer ones in a pooled array.</summary>
    private const int StackBufferLength = 256;

    // The classes of AsciiClass (also read by Utf8WordRules, which splits ASCII lines as bytes by the same table).
    internal const byte LowerLetter = 0;
    internal const byte UpperLetter = 1;
    private const byte OtherAscii = 2;
    internal const byte Separator = 4;
    private const byte NonAscii = 8;

    private const char CapitalSigma = '\u03A3';
    private const char SmallSigma = '\u03C3';
    private const char FinalSigma = '\u03C2';
    private const int CapitalIWithDotAbove = 0x0130;

    // The context a letter gives a capital sigma (see Classify).
    private const int NoContext = 0;
    private const int Cased = 1;
    private const int Uncased = 2;
    private const int Ignorable = 3;

    /// <summary>
    /// The class of each ASCII character: 0 a-z, 1 A-Z, 4 separator (Python white space or ASCII
    /// punctuation, which the seed turns into a space), 2 anything else (digits, control characters).
    /// </summary>
    internal static ReadOnlySpan<byte> AsciiClass =>
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

    /// <summary>The stop words of the seed, in its order.</summary>
    public static IReadOnlyList<string> StopWords { get; } =
    [
        "a", "an", "and", "are", "as", "be", "by", "for", "if", "in", "is", "it", "of", "or", "py", "rst",
        "that", "the", "to", "with",
    ];

    /// <summary>
    /// Hands every word of <paramref name="line"/> that the seed would count, lower-cased, to
    /// <paramref name="sink"/>, in order. The span passed to <see cref="IWordSink.Word"/> is valid only
    /// during that call (it may point into <paramref name="line"/> or into a reused buffer).
    /// </summary>
    /// <param name="line">One line of text without its terminator.</param>
    /// <param name="sink">Receives the words.</param>
    public static void ForEachWord<TSink>(ReadOnlySpan<char> line, ref TSink sink)
        where TSink : struct, IWordSink, allows ref struct
    {
        if (IsSkippedLine(line))
        {
            return;
        }

        Span<char> stackBuffer = stackalloc char[StackBufferLength];
        var table = AsciiClass;
        var i = 0;
        var length = line.Length;
        while (true)
        {
            // Skip separators.
            while (i < length && IsSeparator(line[i], table))
            {
                i++;
            }

            if (i >= length)
            {
                return;
            }

            // Find the end of the word, collecting what kinds of characters it has.
            var start = i;
            var kinds = 0;
            while (i < length)
            {
                var c = line[i];
                if (c < 128)
                {
                    var kind = table[c];
                    if (kind == Separator)
                    {
                        break;
                    }

                    kinds |= kind;
                }
                else
                {
                    if (IsNonAsciiWhiteSpace(c))
                    {
                        break;
                    }

                    kinds |= NonAscii;
                }

                i++;
            }

            var word = line[start..i];
            if (kinds == LowerLetter)
            {
                // Already lower-case ASCII letters: no copy.
                EmitIfNotStopWord(word, ref sink);
            }
            else if ((kinds & OtherAscii) != 0)
            {
                // An ASCII digit or control character: never a letter, whatever the case mapping.
                continue;
            }
            else
            {
                char[]? rented = null;
                var buffer = word.Length <= StackBufferLength
                    ? stackBuffer
                    : (rented = ArrayPool<char>.Shared.Rent(word.Length));
                try
                {
                    var lowered = buffer[..word.Length];
                    var keep = kinds == UpperLetter
                        ? LowerAscii(word, lowered)
                        : LowerUnicode(word, lowered);
                    if (keep)
                    {
                        EmitIfNotStopWord(lowered, ref sink);
                    }
                }
                finally
                {
                    if (rented is not null)
                    {
                        ArrayPool<char>.Shared.Return(rented);
                    }
                }
            }
        }
    }

    /// <summary>True when the seed skips the line: its text after leading (Python) white space starts with "..".</summary>
    public static bool IsSkippedLine(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length && IsPythonWhiteSpace(line[i]))
        {
            i++;
        }

        return line.Length - i >= 2 && line[i] == '.' && line[i + 1] == '.';
    }

    /// <summary>True for the seed's stop words (exact, case-sensitive: words are lower-cased before the test).</summary>
    public static bool IsStopWord(ReadOnlySpan<char> word) => word switch
    {
        "a" or "an" or "and" or "are" or "as" or "be" or "by" or "for" or "if" or "in" or "is" or "it"
            or "of" or "or" or "py" or "rst" or "that" or "the" or "to" or "with" => true,
        _ => false,
    };

    /// <summary>True for the characters of Python's <c>str.isspace</c> (what <c>split()</c> and <c>lstrip()</c> use).</summary>
    public static bool IsPythonWhiteSpace(char c) => c < 128
        ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1C' && c <= '\x1F')
        : IsNonAsciiWhiteSpace(c);

    /// <summary>True for the characters the seed splits words at: Python white space and ASCII punctuation.</summary>
    public static bool IsSeparator(char c) => IsSeparator(c, AsciiClass);

    /// <summary>
    /// Python's <c>str.lower()</c> followed by <c>str.isalpha()</c> for one word: writes the lower-cased
    /// word to <paramref name="destination"/> (same length as <paramref name="word"/>) and returns whether
    /// every scalar of the result is a letter.
    /// </summary>
    public static bool TryLowerLetters(ReadOnlySpan<char> word, Span<char> destination)
    {
        if (destination.Length < word.Length)
        {
            throw new ArgumentException("The destination is shorter than the word.", nameof(destination));
        }

        foreach (var c in word)
        {
            if (c >= 128)
            {
                return LowerUnicode(word, destination[..word.Length]);
            }
        }

        return LowerAscii(word, destination[..word.Length]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSeparator(char c, ReadOnlySpan<byte> table) =>
        c < 128 ? table[c] == Separator : IsNonAsciiWhiteSpace(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNonAsciiWhiteSpace(char c) => c switch
    {
        '\u0085' or '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' => true,
        >= '\u2000' and <= '\u200A' => true,
        _ => false,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EmitIfNotStopWord<TSink>(scoped ReadOnlySpan<char> word, ref TSink sink)
        where TSink : struct, IWordSink, allows ref struct
    {
        if (!IsStopWord(word))
        {
            sink.Word(word);
        }
    }

    /// <summary>Lower-cases ASCII (every character must be ASCII); true when all are letters.</summary>
    private static bool LowerAscii(ReadOnlySpan<char> word, Span<char> destination)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c is >= 'A' and <= 'Z')
            {
                destination[i] = (char)(c | 0x20);
            }
            else if (c is >= 'a' and <= 'z')
            {
                destination[i] = c;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The general case: Python's <c>lower()</c> and <c>isalpha()</c> per Unicode scalar.</summary>
    private static bool LowerUnicode(ReadOnlySpan<char> word, Span<char> destination)
    {
        // .NET's simple case mapping keeps every scalar's UTF-16 length, so input and output line up.
        word.ToLowerInvariant(destination);

        // Final sigma (Unicode SpecialCasing, as Python's lower() applies it): a capital sigma lowers to
        // U+03C2 when a cased letter precedes it and none follows, skipping case-ignorable letters (Lm).
        var pendingSigma = -1;
        var previous = NoContext;
        var i = 0;
        while (i < word.Length)
        {
            if (Rune.DecodeFromUtf16(word[i..], out var rune, out var consumed) != OperationStatus.Done)
            {
                return false; // a lone surrogate: category Cs, not a letter
            }

            if (rune.Value == CapitalIWithDotAbove)
            {
                return false; // lowers to "i\u0307"; U+0307 is a combining mark (Mn), not a letter
            }

            if (!IsLetter(destination.Slice(i, consumed)))
            {
                return false;
            }

            var context = Classify(rune);
            if (context != Ignorable)
            {
                if (pendingSigma >= 0 && context == Uncased)
                {
                    destination[pendingSigma] = FinalSigma;
                }

                pendingSigma = -1;
                if (rune.Value == CapitalSigma && previous == Cased)
                {
                    pendingSigma = i;
                }

                previous = context;
            }

            i += consumed;
        }

        if (pendingSigma >= 0)
        {
            destination[pendingSigma] = FinalSigma;
        }

        return true;
    }

    private static bool IsLetter(ReadOnlySpan<char> scalar)
    {
        Rune.DecodeFromUtf16(scalar, out var rune, out _);
        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;
    }

    /// <summary>
    /// Unicode's Cased and Case_Ignorable properties, for letters only (a kept word has nothing else):
    /// Lu, Ll and Lt are cased; Lm is case-ignorable; Lo is neither except U+00AA and U+00BA
    /// (Other_Lowercase), which are cased.
    /// </summary>
    private static int Classify(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            => Cased,
        UnicodeCategory.ModifierLetter => Ignorable,
        _ when rune.Value is 0x00AA or 0x00BA => Cased,
        _ => Uncased,
    };
}
