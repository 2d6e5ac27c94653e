using System.Runtime.CompilerServices;

namespace MapReduceGen.Benchmarks;

/// <summary>Receives words from <see cref="Words.ForEach"/>.</summary>
public interface IWordSink
{
    /// <summary>One word; the span is valid only during the call.</summary>
    void Word(scoped ReadOnlySpan<char> word);
}

/// <summary>
/// The word rules every variant of every suite uses (the countwords rules): words are runs of characters that are not
/// ASCII white space; A-Z are lower-cased, everything else is kept.
/// </summary>
public static class Words
{
    private const int StackLength = 128;

    /// <summary>Hands every word of <paramref name="line"/>, lower-cased, to <paramref name="sink"/>.</summary>
    public static void ForEach<TSink>(ReadOnlySpan<char> line, ref TSink sink)
        where TSink : struct, IWordSink, allows ref struct
    {
        Span<char> buffer = stackalloc char[StackLength];
        int i = 0;
        while (true)
        {
            while (i < line.Length && IsSpace(line[i]))
            {
                i++;
            }

            if (i >= line.Length)
            {
                return;
            }

            int length = 0;
            int start = i;
            while (i < line.Length)
            {
                char c = line[i];
                if (IsSpace(c))
                {
                    break;
                }

                if ((uint)length < (uint)buffer.Length)
                {
                    buffer[length] = (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
                }

                length++;
                i++;
            }

            if (length <= buffer.Length)
            {
                sink.Word(buffer[..length]);
            }
            else
            {
                sink.Word(LowerLong(line[start..i]));
            }
        }
    }

    /// <summary>The words of a line as strings (for the PLINQ GroupBy variant, which needs objects).</summary>
    public static List<string> Split(string line)
    {
        var sink = new ListSink([]);
        ForEach(line, ref sink);
        return sink.Words;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(char c) => c <= ' ' && (c == ' ' || (uint)(c - '\t') <= '\r' - '\t');

    private static string LowerLong(ReadOnlySpan<char> word) =>
        string.Create(word.Length, word.ToString(), static (span, w) =>
        {
            for (int k = 0; k < w.Length; k++)
            {
                char c = w[k];
                span[k] = (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
            }
        });

    private readonly struct ListSink(List<string> words) : IWordSink
    {
        public List<string> Words => words;

        public void Word(scoped ReadOnlySpan<char> word) => words.Add(word.ToString());
    }
}
