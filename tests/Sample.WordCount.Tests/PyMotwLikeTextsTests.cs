namespace Sample.WordCount.Tests;

/// <summary>The seed's own scenario: a directory of reStructuredText articles, counted as a real process.</summary>
public sealed class PyMotwLikeTextsTests : IDisposable
{
    private const string ExpectedTable =
        "\n" +
        "TOP 20 WORDS BY FREQUENCY\n" +
        "\n" +
        "process         :     9\n" +
        "daemon          :     8\n" +
        "starting        :     6\n" +
        "multiprocessing :     5\n" +
        "pool            :     5\n" +
        "worker          :     5\n" +
        "caption         :     4\n" +
        "forkpoolworker  :     4\n" +
        "not             :     4\n" +
        "can             :     3\n" +
        "does            :     3\n" +
        "exiting         :     3\n" +
        "from            :     3\n" +
        "function        :     3\n" +
        "input           :     3\n" +
        "main            :     3\n" +
        "non             :     3\n" +
        "output          :     3\n" +
        "processes       :     3\n" +
        "program         :     3\n";

    private readonly TempDirectory _temp = new();

    public PyMotwLikeTextsTests()
    {
        _temp.WriteFile("articles/basics.rst", PyMotwLikeTexts.Basics);
        _temp.WriteFile("articles/daemons.rst", PyMotwLikeTexts.Daemons);
        _temp.WriteFile("articles/more/pool.rst", PyMotwLikeTexts.Pool);
        _temp.WriteFile("articles/more/mapreduce.rst", PyMotwLikeTexts.MapReduce);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_four_articles_give_the_expected_table_on_stdout_and_worker_lines_on_stderr()
    {
        var outcome = SampleRunner.AsProcess(_temp.Path, "articles");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(ExpectedTable, outcome.StdOut);

        // One "worker N reading FILE" line per file, N between 1 and the worker count, files in any order.
        var files = new List<string>();
        foreach (var line in outcome.ErrorLines)
        {
            var match = System.Text.RegularExpressions.Regex.Match(line, "^worker ([0-9]+) reading (.+)$");
            Assert.True(match.Success, $"unexpected standard error line: {line}");
            Assert.InRange(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1, Environment.ProcessorCount);
            files.Add(match.Groups[2].Value.Replace('\\', '/'));
        }

        Assert.Equal(
            ["articles/basics.rst", "articles/daemons.rst", "articles/more/mapreduce.rst", "articles/more/pool.rst"],
            files.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Files_directories_and_globs_name_the_same_input()
    {
        var byGlob = SampleRunner.InProcess(_temp.Combine("articles", "**", "*.rst"), "--top", "5");
        var byFiles = SampleRunner.InProcess(
            "--top", "5",
            _temp.Combine("articles", "basics.rst"),
            _temp.Combine("articles", "daemons.rst"),
            _temp.Combine("articles", "more"));

        const string expectedTop5 =
            "\nTOP 5 WORDS BY FREQUENCY\n\nprocess         :     9\ndaemon          :     8\nstarting        :     6\n" +
            "multiprocessing :     5\npool            :     5\n";
        Assert.Equal(expectedTop5, byGlob.StdOut);
        Assert.Equal(expectedTop5, byFiles.StdOut);
    }

    [Fact]
    public void One_worker_reads_every_file()
    {
        var outcome = SampleRunner.InProcess("--workers", "1", _temp.Combine("articles"));
        Assert.Equal(ExpectedTable, outcome.StdOut);
        Assert.All(outcome.ErrorLines, line => Assert.StartsWith("worker 1 reading ", line, StringComparison.Ordinal));
        Assert.Equal(4, outcome.ErrorLines.Length);
    }
}
