using System.Globalization;
using System.Text;

namespace ClusterDemo;

/// <summary>Prints counts as the sample (and the seed) does: <c>TOP N WORDS BY FREQUENCY</c>, word column, count in 5.</summary>
internal static class WordTable
{
    public static string Format(int top, IReadOnlyList<KeyValuePair<string, int>> entries)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"\nTOP {top} WORDS BY FREQUENCY\n\n");
        int longest = entries.Count == 0 ? 0 : entries.Max(e => e.Key.EnumerateRunes().Count());
        foreach (var (word, count) in entries)
        {
            text.Append(word).Append(' ', longest + 1 - word.EnumerateRunes().Count()).Append(": ");
            text.Append(count.ToString(CultureInfo.InvariantCulture).PadLeft(5)).Append('\n');
        }

        return text.ToString();
    }
}
