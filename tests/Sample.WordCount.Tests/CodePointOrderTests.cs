using System.Text;

namespace Sample.WordCount.Tests;

/// <summary>
/// Ties are ordered by word ascending by Unicode code point, as Python sorts strings, in the TSV and in the table:
/// a word with a character outside the Basic Multilingual Plane (a surrogate pair in UTF-16) sorts after every BMP
/// character, where UTF-16 code unit (ordinal) order would put it before U+E000..U+FFFF.
/// </summary>
public sealed class CodePointOrderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Tsv_orders_a_non_bmp_word_after_a_bmp_word_of_the_same_count()
    {
        // printf '\xf0\x9d\x90\x80 \xef\xbd\xb1\n': MATHEMATICAL BOLD CAPITAL A (U+1D400) and HALFWIDTH KATAKANA A (U+FF71).
        var path = _temp.WriteFile("ties.txt", [0xF0, 0x9D, 0x90, 0x80, (byte)' ', 0xEF, 0xBD, 0xB1, (byte)'\n']);

        var outcome = SampleRunner.InProcess(path, "--tsv");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("\uFF71\t1\n\U0001D400\t1\n", outcome.StdOut);
    }

    [Fact]
    public void The_table_chooses_and_orders_ties_by_code_point()
    {
        var path = _temp.WriteFile("ties.txt", "\U0001D400 \uFF71 zeta zeta\n");

        var top2 = SampleRunner.InProcess(path, "--top", "2");
        var top3 = SampleRunner.InProcess(path, "--top", "3");

        Assert.Equal("\nTOP 2 WORDS BY FREQUENCY\n\nzeta :     2\n\uFF71    :     1\n", top2.StdOut);
        Assert.Equal("\nTOP 3 WORDS BY FREQUENCY\n\nzeta :     2\n\uFF71    :     1\n\U0001D400    :     1\n", top3.StdOut);
    }

    [Fact]
    public void Tsv_order_is_python_order_for_random_words_across_planes()
    {
        // Letters (none makes a stop word) from ASCII, Latin-1, Greek, CJK, the halfwidth forms (U+FF21..) and two supplementary planes.
        int[] starts = [0x78, 0xE0, 0x3B1, 0x4E00, 0xFF41, 0xFF71, 0x1D400, 0x20000];
        var random = new Random(12);
        var words = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var word = new StringBuilder();
            for (var length = random.Next(1, 4); length > 0; length--)
            {
                word.Append(char.ConvertFromUtf32(starts[random.Next(starts.Length)] + random.Next(3)));
            }

            words.Add(word.ToString());
        }

        var text = string.Join('\n', words.Select((w, i) => string.Join(' ', Enumerable.Repeat(w, 1 + (i % 3)))));
        var path = _temp.WriteFile("words.txt", text + "\n");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            foreach (var word in line.Split(' '))
            {
                var lower = word.ToLowerInvariant();
                counts[lower] = counts.GetValueOrDefault(lower) + 1;
            }
        }

        var outcome = SampleRunner.InProcess(path, "--tsv");

        // Python: sorted(items, key=lambda p: (-p[1], p[0])), comparing strings code point by code point.
        var expected = string.Concat(counts
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key.EnumerateRunes().Select(r => r.Value).ToArray(), Comparer<int[]>.Create(CompareSequences))
            .Select(p => $"{p.Key}\t{p.Value}\n"));
        Assert.Equal(expected, outcome.StdOut);
    }

    [Theory]
    [InlineData("a", "b", -1)]
    [InlineData("\uFF71", "\U0001D400", -1)]
    [InlineData("\U0001D400", "\uFFFF", 1)]
    [InlineData("\uE000", "\U00010000", -1)]
    [InlineData("\uD7FF", "\U00010000", -1)]
    [InlineData("ab", "a", 1)]
    [InlineData("", "a", -1)]
    [InlineData("\U0001D400x", "\U0001D400x", 0)]
    public void The_comparer_compares_code_points(string left, string right, int sign)
    {
        Assert.Equal(sign, Math.Sign(CodePointComparer.Instance.Compare(left, right)));
        Assert.Equal(-sign, Math.Sign(CodePointComparer.Instance.Compare(right, left)));
    }

    private static int CompareSequences(int[]? left, int[]? right)
    {
        for (var i = 0; i < Math.Min(left!.Length, right!.Length); i++)
        {
            if (left[i] != right[i])
            {
                return left[i].CompareTo(right[i]);
            }
        }

        return left.Length.CompareTo(right.Length);
    }
}
