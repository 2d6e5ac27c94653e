using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using MapReduceGen;

namespace Sample.WordCount.Tests;

/// <summary>
/// The command line under abuse: closed standard streams, an empty argument, inputs that report length 0 or have names
/// that are not UTF-8, a line too long to read, Ctrl+C while an idle FIFO is being read. Every case ends with the exit
/// status the README gives and at most one line on standard error, never a stack trace.
/// </summary>
public sealed partial class HostileCommandLineTests : IDisposable
{
    private const string Name = SampleRunner.JitProgramName;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [GeneratedRegex(@"^\s+at |Unhandled exception|Exception:", RegexOptions.Multiline)]
    private static partial Regex StackTraceLike();

    [SkippableFact]
    public void A_closed_standard_output_is_a_one_line_error_with_exit_1()
    {
        Skip.If(OperatingSystem.IsWindows(), "closes a descriptor with the shell");
        _temp.WriteFile("f.txt", "hello world\n");

        var outcome = SampleRunner.InShell(_temp.Path, "exec $SAMPLE --tsv f.txt >&-");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.DoesNotMatch(StackTraceLike(), outcome.StdErr);
        Assert.EndsWith($"{Name}: cannot write the output: Bad file descriptor\n", outcome.StdErr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_closed_standard_error_loses_the_messages_not_the_run()
    {
        Skip.If(OperatingSystem.IsWindows(), "closes a descriptor with the shell");
        _temp.WriteFile("f.txt", "hello world hello\n");

        var outcome = SampleRunner.InShell(_temp.Path, "exec $SAMPLE --tsv f.txt 2>&-");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("hello\t2\nworld\t1\n", outcome.StdOut);
    }

    [SkippableFact]
    public void A_closed_standard_error_keeps_the_exit_status_of_a_failure()
    {
        Skip.If(OperatingSystem.IsWindows(), "closes a descriptor with the shell");

        var outcome = SampleRunner.InShell(_temp.Path, "exec $SAMPLE --tsv missing.txt 2>&-");

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Equal(string.Empty, outcome.StdOut);
    }

    [Fact]
    public void An_empty_argument_is_a_one_line_usage_error_with_exit_2()
    {
        var outcome = SampleRunner.InProcess("--tsv", "");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(string.Empty, outcome.StdOut);
        Assert.Equal("wordcount: an empty argument is not a path\n", outcome.StdErr);
    }

    [SkippableFact]
    public void A_proc_file_that_reports_length_0_is_counted()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "/proc/version is Linux's");
        string text = File.ReadAllText("/proc/version");

        var outcome = SampleRunner.InProcess("--tsv", "/proc/version");

        Assert.Equal(0, outcome.ExitCode);
        Assert.NotEqual(string.Empty, outcome.StdOut);
        Assert.Contains("linux\t", outcome.StdOut, StringComparison.Ordinal);
        Assert.Contains("linux", text, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public void A_directory_holding_a_name_that_is_not_utf8_is_a_one_line_error_with_exit_2()
    {
        Skip.If(OperatingSystem.IsWindows(), "makes the name with the shell");
        _temp.WriteFile("d/ok.txt", "good\n");

        var outcome = SampleRunner.InShell(_temp.Path, "printf 'hello\\n' > \"d/$(printf '\\377').txt\" && exec $SAMPLE --tsv d");

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Equal(string.Empty, outcome.StdOut);
        Assert.EndsWith(
            $"{Name}: cannot read 'd/\uFFFD.txt': its name is not valid UTF-8 (shown with U+FFFD for the bytes that are not), and .NET cannot open a file by such a name; rename it\n",
            outcome.StdErr,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_line_too_long_to_read_exits_2_as_an_unreadable_file_does(bool streamed)
    {
        string path = _temp.WriteFile("big.txt", "x\n");
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        MapReduceException TooLong() => MapReduceException.ForFile(
            "WordCount", path, new TextSourceException("line 1 of 'big.txt' is too long to read: more than 2,147,483,591 bytes, the largest array .NET can hold", path));
        var host = new AppHost
        {
            ProgramName = "wc",
            InMemoryInputBytes = streamed ? 0 : null,
            CountText = (_, _) => throw TooLong(),
            RunText = (_, _) => throw TooLong(),
        };

        int exit = WordCountApp.Run([path, "--tsv"], output, error, host);

        Assert.Equal(WordCountApp.ExitUsageOrInput, exit);
        Assert.Equal(string.Empty, output.ToString());
        Assert.EndsWith("wc: line 1 of 'big.txt' is too long to read: more than 2,147,483,591 bytes, the largest array .NET can hold\n", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_gives_the_exit_status_of_a_line_too_long_as_the_program_does()
    {
        string readme = string.Join(' ', DefaultText.ReadLines());

        Assert.Contains("2 when an argument is unusable (an empty one too), a path does not exist or a file cannot be read (a line too long to read", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("1 when the job fails (a line too long to read", readme, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Ctrl_C_while_an_idle_fifo_is_read_cancels_and_exits_130()
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs and SIGINT are Unix's");
        string fifo = await _temp.CreateFifoAsync("idle.fifo");

        using var process = SampleRunner.Start(_temp.Path, "--tsv", "idle.fifo");
        process.StandardInput.Close();
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

        // The writer opens the FIFO (which waits for the program to open it), writes one line and then nothing.
        using var release = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            await using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            await stream.WriteAsync("idle words\n"u8.ToArray());
            await stream.FlushAsync();
            await Task.Delay(Timeout.Infinite, release.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        });

        try
        {
            await reading.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await Task.Delay(300);
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            bool exited = process.WaitForExit(TimeSpan.FromSeconds(20));
            if (!exited)
            {
                process.Kill(entireProcessTree: true);
            }

            Assert.True(exited, "one Ctrl+C did not stop the program within 20 s");
            process.WaitForExit();
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
        finally
        {
            release.Cancel();
            await writer.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
