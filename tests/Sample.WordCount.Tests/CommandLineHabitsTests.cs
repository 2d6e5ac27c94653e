using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using MapReduceGen;
using MapReduceGen.Engine;

namespace Sample.WordCount.Tests;

/// <summary>
/// What a command-line program is expected to do, checked on the real process: symbolic links, <c>/dev/stdin</c> and
/// <c>-</c> read whole; Ctrl+C cancels the run and exits 130; <c>--version</c>; messages name the executable; a
/// failure of the job or of writing the output is one line on standard error with a non-zero exit.
/// </summary>
public sealed partial class CommandLineHabitsTests : IDisposable
{
    private const string Name = SampleRunner.JitProgramName;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [GeneratedRegex(@"^\s+at |Unhandled exception|Exception:", RegexOptions.Multiline)]
    private static partial Regex StackTraceLike();

    /// <summary>"w0 w1 ... w(n-1)" on line i, for i in [0, lines): every line different, counts known.</summary>
    private string WriteNumberedText(string name, int lines, out string expectedTsv)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            text.Append("word").Append(Letters(i)).Append(" common\n");
        }

        expectedTsv = $"common\t{lines}\n" + string.Concat(
            Enumerable.Range(0, lines).Select(i => "word" + Letters(i)).Order(StringComparer.Ordinal).Select(w => w + "\t1\n"));
        return _temp.WriteFile(name, text.ToString());
    }

    /// <summary>A number written with letters (words must be all letters).</summary>
    private static string Letters(int number)
    {
        var text = new StringBuilder();
        do
        {
            text.Insert(0, (char)('a' + (number % 26)));
            number /= 26;
        }
        while (number > 0);
        return text.ToString();
    }

    [SkippableFact]
    public void A_symbolic_link_to_a_file_is_read_whole()
    {
        Skip.If(OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");
        WriteNumberedText("text.txt", 4770, out var expected);
        File.CreateSymbolicLink(_temp.Combine("link.txt"), "text.txt");
        Assert.True(new FileInfo(_temp.Combine("link.txt")).Length < 100, "the link itself is short");

        var outcome = SampleRunner.AsProcess(_temp.Path, "--tsv", "link.txt");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(expected, outcome.StdOut);
    }

    [SkippableFact]
    public void Dev_stdin_redirected_from_a_file_is_read_whole()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "/dev/stdin as a link to the redirected file is Linux's");
        WriteNumberedText("text.txt", 4770, out var expected);

        var outcome = SampleRunner.InShell(_temp.Path, "exec $SAMPLE --tsv /dev/stdin < text.txt");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(expected, outcome.StdOut);
    }

    [SkippableFact]
    public void Dev_stdin_from_a_pipe_is_read_whole()
    {
        Skip.If(OperatingSystem.IsWindows(), "/dev/stdin is a Unix path");
        WriteNumberedText("text.txt", 4770, out var expected);

        var outcome = SampleRunner.AsProcessWithInput(_temp.Path, File.ReadAllBytes(_temp.Combine("text.txt")), "--tsv", "/dev/stdin");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(expected, outcome.StdOut);
    }

    [Fact]
    public void Dash_reads_standard_input_from_a_pipe()
    {
        WriteNumberedText("text.txt", 3000, out var expected);

        var outcome = SampleRunner.AsProcessWithInput(_temp.Path, File.ReadAllBytes(_temp.Combine("text.txt")), "--tsv", "-");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(expected, outcome.StdOut);
        Assert.Equal(["worker 1 reading -"], outcome.ErrorLines);
    }

    [SkippableFact]
    public void Dash_reads_standard_input_redirected_from_a_file_beside_other_paths()
    {
        Skip.If(OperatingSystem.IsWindows(), "needs /bin/sh");
        WriteNumberedText("text.txt", 3000, out _);
        _temp.WriteFile("more.txt", "common extra\n");

        var outcome = SampleRunner.InShell(_temp.Path, "exec $SAMPLE --tsv --top 1 more.txt - < text.txt");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.StartsWith("common\t3001\n", outcome.StdOut, StringComparison.Ordinal);
        Assert.Contains("extra\t1\n", outcome.StdOut, StringComparison.Ordinal);
        Assert.Equal(3002, outcome.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Version_prints_the_name_and_version_with_exit_zero()
    {
        var outcome = SampleRunner.AsProcess(_temp.Path, "--version");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Matches(@"^Sample\.WordCount\.dll [0-9]+\.[0-9]+\.[0-9]+\S* \(MapReduceGen [0-9]+\.[0-9]+\.[0-9]+\S*\)\n$", outcome.StdOut);
        Assert.Equal(string.Empty, outcome.StdErr);
    }

    [Fact]
    public void Messages_name_the_program_as_it_was_run()
    {
        var outcome = SampleRunner.AsProcess(_temp.Path, "absent.txt");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"{Name}: no such file or directory: 'absent.txt'\n", outcome.StdErr);

        var help = SampleRunner.AsProcess(_temp.Path, "--help");
        Assert.StartsWith($"usage: {Name} [PATH...]", help.StdOut, StringComparison.Ordinal);

        var bad = SampleRunner.AsProcess(_temp.Path, "--bogus");
        Assert.Equal($"{Name}: unknown option '--bogus' (try '{Name} --help')\n", bad.StdErr);
    }

    [SkippableFact]
    public void A_write_failure_is_a_one_line_error_with_a_non_zero_exit()
    {
        Skip.IfNot(File.Exists("/dev/full"), "needs /dev/full");
        WriteNumberedText("big.txt", 20_000, out _);

        var outcome = SampleRunner.InShell(_temp.Path, "exec $SAMPLE --tsv big.txt > /dev/full");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.DoesNotMatch(StackTraceLike(), outcome.StdErr);
        var error = Assert.Single(outcome.ErrorLines, l => l.StartsWith(Name + ": ", StringComparison.Ordinal));
        Assert.StartsWith($"{Name}: cannot write the output: ", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Ctrl_C_while_reading_a_slow_pipe_cancels_and_exits_130_with_nothing_on_stdout()
    {
        Skip.If(OperatingSystem.IsWindows(), "sends SIGINT with kill");
        using var process = SampleRunner.Start(_temp.Path, "--tsv", "-");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new StringBuilder();
        var reading = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stderr)
            {
                stderr.Append(e.Data).Append('\n');
            }

            if (e.Data.Contains("reading", StringComparison.Ordinal))
            {
                reading.TrySetResult();
            }
        };
        process.BeginErrorReadLine();

        // A slow producer: a line every 50 ms, and the pipe stays open.
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    await process.StandardInput.WriteAsync("slow words keep coming\n");
                    await process.StandardInput.FlushAsync();
                    await Task.Delay(50, stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
            }
        });

        await reading.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(300);
        var started = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        bool exited = process.WaitForExit(TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
        }

        Assert.True(exited, "the program did not stop within 20 s of SIGINT");
        process.WaitForExit();
        await writer;
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {started.Elapsed}");
        string errors;
        lock (stderr)
        {
            errors = stderr.ToString();
        }

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{errors}");
        Assert.Equal(string.Empty, await stdout);
        Assert.DoesNotMatch(StackTraceLike(), errors);
        Assert.EndsWith($"{Name}: cancelled\n", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_failing_job_is_a_one_line_error_with_exit_1(bool streamed)
    {
        var path = _temp.WriteFile("input.txt", "fine words\nboom here\nmore words\n");
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };

        // A small file is counted with its result held whole (RunText) unless every input is streamed (CountText).
        var host = new AppHost
        {
            ProgramName = "wc",
            InMemoryInputBytes = streamed ? 0 : null,
            CountText = (source, options) => MapReduceEngine.StreamAsync(BoomOnLineJob.MapReduceJob.Definition, [JobInputs.Lines(source)], TaskContext.Empty(), options),
            RunText = (source, options) => MapReduceEngine.Run(BoomOnLineJob.MapReduceJob.Definition, [JobInputs.Lines(source)], TaskContext.Empty(), options),
        };

        int exit = WordCountApp.Run([path, "--tsv"], output, error, host);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output.ToString());
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("wc: ", StringComparison.Ordinal));
        Assert.Equal(
            $"wc: MapReduce job 'Sample.WordCount.Tests.BoomOnLineJob' failed in the map phase at {path}:2: the mapper threw InvalidDataException: boom on two lines",
            line);
    }
    [Fact]
    public void The_tsv_of_more_words_than_the_sorter_holds_is_sorted_on_disk_and_is_the_same()
    {
        var random = new Random(12);
        var text = new StringBuilder();
        for (int line = 0; line < 4_000; line++)
        {
            text.AppendJoin(' ', Enumerable.Range(0, 8).Select(_ => "w" + Letters(random.Next(20_000))));
            text.Append('\n');
        }

        var path = _temp.WriteFile("many.txt", text.ToString());
        string sortDirectory = _temp.Combine("sort");
        Directory.CreateDirectory(sortDirectory);
        using var inMemory = new StringWriter { NewLine = "\n" };
        using var onDisk = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };

        Assert.Equal(0, WordCountApp.Run([path, "--tsv"], inMemory, error, new AppHost()));
        Assert.Equal(0, WordCountApp.Run([path, "--tsv"], onDisk, error, new AppHost { SortMemoryBudget = 48 << 10, SortDirectory = sortDirectory }));

        Assert.Equal(inMemory.ToString(), onDisk.ToString());
        Assert.True(inMemory.ToString().Count(c => c == '\n') > 15_000, "thousands of distinct words, more than 48 KiB hold");
        Assert.Empty(Directory.EnumerateFileSystemEntries(sortDirectory));
    }

    [Fact]
    public void A_sorter_that_cannot_write_its_temporary_file_is_a_one_line_error_with_exit_1()
    {
        var random = new Random(13);
        var path = _temp.WriteFile("many.txt", string.Join('\n', Enumerable.Range(0, 20_000).Select(i => "w" + Letters(random.Next(1_000_000)))));
        string missing = _temp.Combine("no-such-folder");
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };

        int exit = WordCountApp.Run([path, "--tsv"], output, error, new AppHost { ProgramName = "wc", SortMemoryBudget = 48 << 10, SortDirectory = missing });

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output.ToString());
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("wc: ", StringComparison.Ordinal));
        Assert.StartsWith($"wc: cannot use the temporary file '{Path.Combine(missing, "wordcount-sort-")}", line, StringComparison.Ordinal);
    }
}

/// <summary>A word count whose mapper throws (with a two-line message) on a line holding "boom".</summary>
public static partial class BoomOnLineJob
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        if (line.Contains("boom", StringComparison.Ordinal))
        {
            throw new InvalidDataException("boom on\ntwo lines");
        }

        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            emit.Emit(word, 1);
        }
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
