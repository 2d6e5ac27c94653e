using System.Text.RegularExpressions;

namespace Sample.WordCount.Tests;

/// <summary>
/// The built program run as a real process: exit codes, what goes to standard output and what to standard error.
/// </summary>
public sealed partial class ProgramProcessTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [GeneratedRegex(@"^\s+at |Unhandled exception|Exception:", RegexOptions.Multiline)]
    private static partial Regex StackTraceLike();

    /// <summary>A failed run: exit 2, nothing on stdout, one "Sample.WordCount.dll: ..." line on stderr, no stack trace.</summary>
    private static void AssertOneLineError(RunOutcome outcome, string expectedMessage)
    {
        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Equal(string.Empty, outcome.StdOut);
        Assert.DoesNotMatch(StackTraceLike(), outcome.StdErr);
        Assert.Equal(SampleRunner.JitProgramName + ": " + expectedMessage + "\n", outcome.StdErr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void With_no_path_it_prints_the_table_of_its_embedded_readme()
    {
        var outcome = SampleRunner.AsProcess(_temp.Path);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("worker 1 reading README.md (embedded)\n", outcome.StdErr.ReplaceLineEndings("\n"));

        // Independent of MapReduceGen: apply the word rules line by line to the embedded text and sort.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in DefaultText.ReadLines())
        {
            var sink = new DictionarySink(counts);
            WordRules.ForEachWord(line, ref sink);
        }

        var top = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, CodePointComparer.Instance).Take(20).ToList();
        var width = top.Max(p => p.Key.Length) + 1;
        var expected = "\nTOP 20 WORDS BY FREQUENCY\n\n" +
            string.Concat(top.Select(p => $"{p.Key.PadRight(width)}: {p.Value,5}\n"));
        Assert.Equal(expected, outcome.StdOut);
        Assert.Contains("\nword ", outcome.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_go_to_stdout_and_worker_lines_to_stderr()
    {
        _temp.WriteFile("one.txt", "Hello world\nhello again\n");
        _temp.WriteFile("two.txt", "World peace\n");

        var outcome = SampleRunner.AsProcess(_temp.Path, "one.txt", "two.txt", "--tsv");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("hello\t2\nworld\t2\nagain\t1\npeace\t1\n", outcome.StdOut);
        var lines = outcome.ErrorLines.Select(l => Regex.Replace(l, "^worker [0-9]+ ", "worker N ")).Order(StringComparer.Ordinal);
        Assert.Equal(["worker N reading one.txt", "worker N reading two.txt"], lines);
    }

    [Fact]
    public void Help_goes_to_stdout_with_exit_zero()
    {
        var outcome = SampleRunner.AsProcess(_temp.Path, "--help");
        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith($"usage: {SampleRunner.JitProgramName} [PATH...] [--top N] [--tsv] [--workers N]\n", outcome.StdOut, StringComparison.Ordinal);
        Assert.Equal(string.Empty, outcome.StdErr);
    }

    [Fact]
    public void A_missing_path_is_a_one_line_error_with_exit_code_2()
    {
        _temp.WriteFile("present.txt", "words here\n");
        AssertOneLineError(
            SampleRunner.AsProcess(_temp.Path, "present.txt", "absent.txt"),
            "no such file or directory: 'absent.txt'");
    }

    [Fact]
    public void A_file_used_as_a_directory_is_a_one_line_error()
    {
        _temp.WriteFile("plain.txt", "words here\n");
        AssertOneLineError(
            SampleRunner.AsProcess(_temp.Path, "plain.txt/inner.txt"),
            "no such file or directory: 'plain.txt/inner.txt'");
    }

    [Fact]
    public void A_directory_without_files_is_a_one_line_error()
    {
        Directory.CreateDirectory(_temp.Combine("hollow", "inner"));
        AssertOneLineError(SampleRunner.AsProcess(_temp.Path, "hollow"), "directory contains no files: 'hollow'");
    }

    [Fact]
    public void A_pattern_matching_nothing_is_a_one_line_error()
    {
        AssertOneLineError(SampleRunner.AsProcess(_temp.Path, "*.nothing"), "no files match the pattern: '*.nothing'");
    }

    [Theory]
    [InlineData("--verbose", $"unknown option '--verbose' (try '{SampleRunner.JitProgramName} --help')")]
    [InlineData("--top", "option '--top' needs a number")]
    [InlineData("--top=0", "option '--top' needs a positive whole number, not '0'")]
    [InlineData("--workers=-1", "option '--workers' needs a positive whole number, not '-1'")]
    [InlineData("--tsv=yes", "option '--tsv' takes no value")]
    public void Bad_arguments_are_a_one_line_error_with_exit_code_2(string argument, string message)
    {
        AssertOneLineError(SampleRunner.AsProcess(_temp.Path, argument), message);
    }

    [SkippableFact]
    public void An_unreadable_file_is_a_one_line_error_with_exit_code_2()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new SkipException("file modes are a Unix feature");
        }

        var path = _temp.WriteFile("secret.txt", "hidden words\n");
        _temp.WriteFile("open.txt", "visible words\n");
        File.SetUnixFileMode(path, UnixFileMode.None);

        // Root (as in CI containers) reads a file whatever its mode: then there is nothing to test.
        Skip.If(CanOpen(path), "this user can read a file with mode 000 (root); cannot make a file unreadable");

        var outcome = SampleRunner.AsProcess(_temp.Path, "open.txt", "secret.txt");
        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Equal(string.Empty, outcome.StdOut);
        Assert.DoesNotMatch(StackTraceLike(), outcome.StdErr);
        var error = Assert.Single(outcome.ErrorLines, l => l.StartsWith(SampleRunner.JitProgramName + ": ", StringComparison.Ordinal));
        Assert.StartsWith(SampleRunner.JitProgramName + ": cannot read 'secret.txt': ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_warns_on_stderr_and_counts_on_stdout()
    {
        _temp.WriteFile("mixed.txt", [.. "ok caf"u8, 0xE9, .. " ok\n"u8]);
        var outcome = SampleRunner.AsProcess(_temp.Path, "mixed.txt", "--tsv");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("ok\t2\n", outcome.StdOut);
        Assert.Contains(SampleRunner.JitProgramName + ": warning: 'mixed.txt' is not valid UTF-8; invalid bytes were read as U+FFFD", outcome.ErrorLines);
    }

    [Fact]
    public void A_100_MB_single_line_counts_correctly()
    {
        // "alpha beta gamma delta " 4,400,000 times (101.2 MB), one line, framed by two unique words and no line end.
        const int Repeats = 4_400_000;
        var path = _temp.Combine("one-line.txt");
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
        {
            file.Write("first "u8);
            var block = new byte[23 * 10_000];
            for (var i = 0; i < 10_000; i++)
            {
                "alpha beta gamma delta "u8.CopyTo(block.AsSpan(i * 23));
            }

            for (var i = 0; i < Repeats / 10_000; i++)
            {
                file.Write(block);
            }

            file.Write("The last"u8);
        }

        Assert.True(new FileInfo(path).Length > 100_000_000);
        var outcome = SampleRunner.AsProcess(_temp.Path, "one-line.txt", "--tsv");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("alpha\t4400000\nbeta\t4400000\ndelta\t4400000\ngamma\t4400000\nfirst\t1\nlast\t1\n", outcome.StdOut);
    }

    [Fact]
    public void One_and_two_workers_print_identical_output()
    {
        var expected = GeneratedCorpus.Write(_temp, "corpus", seed: 20240601);

        var one = SampleRunner.AsProcess(_temp.Path, "--workers", "1", "corpus", "--tsv");
        var two = SampleRunner.AsProcess(_temp.Path, "--workers", "2", "corpus", "--tsv");

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(two.ExitCode == 0, two.ToString());
        Assert.Equal(one.StdOut, two.StdOut);

        var expectedTsv = string.Concat(expected
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, CodePointComparer.Instance)
            .Select(p => $"{p.Key}\t{p.Value}\n"));
        Assert.Equal(expectedTsv, one.StdOut);

        var tableOne = SampleRunner.AsProcess(_temp.Path, "--workers", "1", "corpus", "--top", "7");
        var tableTwo = SampleRunner.AsProcess(_temp.Path, "--workers=2", "corpus", "--top", "7");
        Assert.Equal(tableOne.StdOut, tableTwo.StdOut);
        Assert.StartsWith("\nTOP 7 WORDS BY FREQUENCY\n\n", tableOne.StdOut, StringComparison.Ordinal);
    }

    private static bool CanOpen(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private readonly struct DictionarySink(Dictionary<string, int> counts) : IWordSink
    {
        public void Word(scoped ReadOnlySpan<char> word)
        {
            var key = word.ToString();
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }
}
