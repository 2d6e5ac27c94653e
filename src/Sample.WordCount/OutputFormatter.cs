using System.Globalization;

namespace Sample.WordCount;

/// <summary>
/// Writes the results: the seed's table, or tab-separated values. Lines end with "\n" on every OS.
/// The entries come already ordered (count descending, ties by word ascending by code point: <see cref="WordOrder"/>).
/// </summary>
internal static class OutputFormatter
{
    /// <summary>The width the seed right-aligns counts in (<c>{count:5}</c>).</summary>
    public const int CountWidth = 5;

    /// <summary>
    /// The seed's table, as <c>print('\nTOP 20 WORDS BY FREQUENCY\n')</c> and
    /// <c>'{word:&lt;{longest+1}}: {count:5}'</c> print it: an empty line, <c>TOP {top} WORDS BY FREQUENCY</c>,
    /// an empty line, then one line per entry. <paramref name="top"/> is the requested count, shown in the
    /// header even when fewer words exist; widths count Unicode scalars, as Python's <c>len</c> does.
    /// With no entries only the header is written.
    /// </summary>
    public static void WriteTable<TCount>(TextWriter writer, int top, IEnumerable<KeyValuePair<string, TCount>> entries)
        where TCount : ISpanFormattable
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);

        var list = entries as IReadOnlyList<KeyValuePair<string, TCount>> ?? entries.ToList();
        writer.Write('\n');
        writer.Write("TOP ");
        writer.Write(top.ToString(CultureInfo.InvariantCulture));
        writer.Write(" WORDS BY FREQUENCY\n");
        writer.Write('\n');

        var longest = 0;
        foreach (var entry in list)
        {
            longest = Math.Max(longest, ScalarCount(entry.Key));
        }

        var column = longest + 1;
        Span<char> number = stackalloc char[64];
        foreach (var entry in list)
        {
            writer.Write(entry.Key);
            WriteSpaces(writer, column - ScalarCount(entry.Key));
            writer.Write(": ");
            var digits = Format(entry.Value, number);
            WriteSpaces(writer, CountWidth - digits.Length);
            writer.Write(digits);
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Every entry as <c>word\tcount\n</c>, in the given order, and nothing else. A cancelled
    /// <paramref name="cancellationToken"/> stops the writing (checked every 4096 entries).
    /// </summary>
    public static void WriteTsv<TCount>(
        TextWriter writer, IEnumerable<KeyValuePair<string, TCount>> entries, CancellationToken cancellationToken = default)
        where TCount : ISpanFormattable
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);

        Span<char> number = stackalloc char[64];
        var written = 0;
        foreach (var entry in entries)
        {
            if ((++written & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            writer.Write(entry.Key);
            writer.Write('\t');
            writer.Write(Format(entry.Value, number));
            writer.Write('\n');
        }
    }

    /// <summary>The length Python's <c>len</c> gives: Unicode scalars (a surrogate pair counts once).</summary>
    public static int ScalarCount(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // EnumerateRunes yields a lone surrogate as one (replacement) scalar, as Python counts it.
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            _ = rune;
            count++;
        }

        return count;
    }

    private static ReadOnlySpan<char> Format<TCount>(TCount value, Span<char> buffer)
        where TCount : ISpanFormattable
    {
        if (value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture))
        {
            return buffer[..written];
        }

        return value.ToString(null, CultureInfo.InvariantCulture);
    }

    private static void WriteSpaces(TextWriter writer, int count)
    {
        for (var i = 0; i < count; i++)
        {
            writer.Write(' ');
        }
    }
}
