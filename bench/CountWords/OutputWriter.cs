using System.Globalization;

namespace CountWords;

/// <summary>Writes and checks the "word count" lines.</summary>
internal static class OutputWriter
{
    /// <summary>
    /// Every word, count descending then word ascending (ordinal): what <c>Top(Count)</c> returns, with one sort of
    /// the whole array instead of a heap as large as the result.
    /// </summary>
    public static KeyValuePair<string, int>[] SortByCount(MapReduceGen.MapReduceResult<string, int> counts)
    {
        var all = new KeyValuePair<string, int>[counts.Count];
        int i = 0;
        foreach (KeyValuePair<string, int> pair in counts)
        {
            all[i++] = pair;
        }

        Array.Sort(all, static (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        return all;
    }

    public static void Write(TextWriter output, IReadOnlyList<KeyValuePair<string, int>> sorted)
    {
        Span<char> number = stackalloc char[16];
        foreach (KeyValuePair<string, int> pair in sorted)
        {
            output.Write(pair.Key);
            output.Write(' ');
            pair.Value.TryFormat(number, out int written, default, CultureInfo.InvariantCulture);
            output.Write(number[..written]);
            output.Write('\n');
        }
    }

    /// <summary>Compares the result with an expected output file; returns what differs first, or null.</summary>
    public static string? Compare(IReadOnlyList<KeyValuePair<string, int>> sorted, string expectedPath)
    {
        using var reader = new StreamReader(expectedPath);
        int index = 0;
        while (reader.ReadLine() is string line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (index >= sorted.Count)
            {
                return $"line {index + 1}: expected '{line}', got nothing";
            }

            string actual = string.Create(CultureInfo.InvariantCulture, $"{sorted[index].Key} {sorted[index].Value}");
            if (!string.Equals(actual, line, StringComparison.Ordinal))
            {
                return $"line {index + 1}: expected '{line}', got '{actual}'";
            }

            index++;
        }

        return index == sorted.Count ? null : $"{sorted.Count - index} more lines than expected";
    }
}
