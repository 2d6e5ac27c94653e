namespace Sample.WordCount.Tests;

/// <summary>
/// Files known to be small are counted with the result held whole (no hand-over of parts between threads, which costs a
/// small input more than its counting); larger inputs, gzip files and inputs of unknown length (pipes, /proc) are streamed, so no
/// input has to fit in memory. Both ways print exactly the same.
/// </summary>
public sealed class InMemoryOrStreamedTests : IDisposable
{
    private readonly TempDirectory _temp = new("wordcount-tests-");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("--tsv")]
    [InlineData("--top", "25")]
    public void A_small_input_counted_in_memory_prints_what_the_streamed_count_prints(params string[] mode)
    {
        var random = new Random(31);
        // Letters only (the sample's words), many of them rare and a few frequent, with ties.
        string[] words = [.. Enumerable.Range(0, 3_000).Select(i => new string([(char)('a' + (i % 26)), (char)('a' + (i / 26 % 26)), (char)('a' + (i / 676))]))];
        string Lines(int count) => string.Join('\n', Enumerable.Range(0, count).Select(_ =>
            string.Join(' ', Enumerable.Range(0, 8).Select(_ => words[random.Next(words.Length) * random.Next(1, words.Length) / words.Length]))));
        string a = _temp.WriteFile("a.txt", Lines(2_000));
        string b = _temp.WriteFile("nested/b.txt", Lines(1_500) + "\nCafé café ÉTÉ été\n");

        (int exit, string output, Counted counted) held = Count([a, b, .. mode], inMemoryBytes: null);
        (int exit, string output, Counted counted) streamed = Count([a, b, .. mode], inMemoryBytes: 0);

        Assert.Equal(Counted.Held, held.counted);
        Assert.Equal(Counted.Streamed, streamed.counted);
        Assert.Equal(0, held.exit);
        Assert.Equal(0, streamed.exit);
        Assert.True(held.output.Split('\n').Length > 20, held.output);
        Assert.Equal(streamed.output, held.output);
    }

    [Fact]
    public void Files_larger_than_the_limit_are_streamed()
    {
        string path = _temp.WriteFile("words.txt", "one two three four five six seven eight nine ten\n");

        Assert.Equal(Counted.Streamed, Count([path, "--tsv"], inMemoryBytes: 10).Counted);
        Assert.Equal(Counted.Held, Count([path, "--tsv"], inMemoryBytes: 1_000).Counted);
    }

    [SkippableFact]
    public void A_file_of_unknown_length_is_streamed_whatever_the_limit()
    {
        // /proc files report length 0 and are read to their end: nothing says how large the result may be.
        Skip.IfNot(File.Exists("/proc/self/status"), "needs /proc");

        var (exit, output, counted) = Count(["/proc/self/status", "--tsv"], inMemoryBytes: long.MaxValue);

        Assert.Equal(0, exit);
        Assert.Equal(Counted.Streamed, counted);
        Assert.Contains("\t", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_file_is_streamed_whatever_the_limit_and_counts_as_its_text()
    {
        // Its length is that of its compressed bytes: its text, and so its result, may be many times larger.
        const string Text = "Café café the THE\nété été the\n";
        string plain = _temp.WriteFile("text.txt", Text);
        var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(Text));
        }

        string gz = _temp.WriteFile("text.txt.gz", compressed.ToArray());

        var (exit, output, counted) = Count([gz, "--tsv"], inMemoryBytes: long.MaxValue);

        Assert.Equal(0, exit);
        Assert.Equal(Counted.Streamed, counted);
        Assert.Equal(Count([plain, "--tsv"], inMemoryBytes: null).Output, output);
        Assert.Equal("café\t2\nété\t2\n", output); // the sample's rules: lower case, "the" is a stop word
    }

    private static (int Exit, string Output, Counted Counted) Count(string[] args, long? inMemoryBytes)
    {
        var defaults = new AppHost();
        Counted counted = Counted.None;
        var host = new AppHost
        {
            ProgramName = "wc",
            InMemoryInputBytes = inMemoryBytes,
            RunText = (source, options) =>
            {
                counted = Counted.Held;
                return defaults.RunText(source, options);
            },
            CountText = (source, options) =>
            {
                counted = Counted.Streamed;
                return defaults.CountText(source, options);
            },
        };
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        int exit = WordCountApp.Run(args, output, error, host);
        return (exit, output.ToString(), counted);
    }

    private enum Counted
    {
        None,
        Held,
        Streamed,
    }
}
