namespace Sample.WordCount.Tests;

public class DefaultTextTests
{
    [Fact]
    public void The_embedded_readme_opens_and_has_text()
    {
        using var stream = DefaultText.Open();
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        Assert.StartsWith("# Sample.WordCount", text, StringComparison.Ordinal);
        Assert.Equal("README.md (embedded)", DefaultText.Name);
    }

    [Fact]
    public void The_lines_have_no_terminators_and_yield_words()
    {
        var lines = DefaultText.ReadLines().ToList();
        Assert.True(lines.Count > 50);
        Assert.All(lines, line => Assert.False(line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal)));

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var sink = new CountSink(counts);
            WordRules.ForEachWord(line, ref sink);
        }

        Assert.True(counts.Count > 100);
        Assert.True(counts.GetValueOrDefault("word") > 0);
        Assert.DoesNotContain("the", counts.Keys);
    }

    private readonly struct CountSink(Dictionary<string, int> counts) : IWordSink
    {
        public void Word(scoped ReadOnlySpan<char> word)
        {
            var key = word.ToString();
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }
}
