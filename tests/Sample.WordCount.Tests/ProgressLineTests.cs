using MapReduceGen;

namespace Sample.WordCount.Tests;

public sealed class ProgressLineTests : IDisposable
{
    private const long MiB = 1024 * 1024;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static MapReduceProgress At(MapReducePhase phase, long done, long total, double seconds, int reduced = 0) =>
        new(phase, InputsRead: 0, PairsEmitted: 0, done, total, reduced, PartitionCount: 8, TimeSpan.FromSeconds(seconds));

    [Fact]
    public void The_map_phase_shows_share_bytes_of_total_rate_and_time_left()
    {
        Assert.Equal(" 25.0%  256.0 of 1024.0 MiB  128.0 MiB/s  ETA 6 s", ProgressLine.Format(At(MapReducePhase.Map, 256 * MiB, 1024 * MiB, 2)));
        Assert.Equal("  1.0%  10.0 of 1000.0 MiB  1.0 MiB/s  ETA 16m30s", ProgressLine.Format(At(MapReducePhase.Map, 10 * MiB, 1000 * MiB, 10)));
        Assert.Equal("  0.0%  0.0 of 64.0 MiB  0.0 MiB/s  ETA --", ProgressLine.Format(At(MapReducePhase.Map, 0, 64 * MiB, 0)));
    }

    [Fact]
    public void The_reduce_phase_and_the_end_say_so()
    {
        Assert.Equal("100.0%  512.0 of 512.0 MiB  256.0 MiB/s  reducing 3/8", ProgressLine.Format(At(MapReducePhase.Reduce, 512 * MiB, 512 * MiB, 2, reduced: 3)));
        Assert.Equal("512.0 MiB in 4.0 s (128.0 MiB/s)", ProgressLine.Format(At(MapReducePhase.Completed, 512 * MiB, 512 * MiB, 4)));
    }

    [Fact]
    public void Each_report_rewrites_the_line_and_the_last_ends_it()
    {
        using var error = new StringWriter();
        var line = new ProgressLine(error);
        line.Report(At(MapReducePhase.Map, 256 * MiB, 1024 * MiB, 2));
        line.Report(At(MapReducePhase.Completed, 1024 * MiB, 1024 * MiB, 8));

        var first = " 25.0%  256.0 of 1024.0 MiB  128.0 MiB/s  ETA 6 s";
        var last = "1024.0 MiB in 8.0 s (128.0 MiB/s)";
        Assert.Equal("\r" + first + "\r" + last + new string(' ', first.Length - last.Length) + "\n", error.ToString());
    }

    [Fact]
    public void A_large_input_on_a_terminal_gets_the_progress_line_instead_of_worker_lines()
    {
        var path = _temp.WriteFile("words.txt", string.Concat(Enumerable.Repeat("alpha beta\n", 1000)));
        var outcome = SampleRunner.InProcess(errorIsTerminal: true, [path, "--tsv"], progressThreshold: 1);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("alpha\t1000\nbeta\t1000\n", outcome.StdOut);
        Assert.StartsWith("\r", outcome.StdErr, StringComparison.Ordinal);
        Assert.EndsWith("\n", outcome.StdErr, StringComparison.Ordinal);
        Assert.Matches(@"\r0\.0 MiB in [0-9.]+ s \([0-9.]+ MiB/s\) *\n$", outcome.StdErr);
        Assert.DoesNotContain("worker", outcome.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_input_or_a_redirected_stderr_gets_worker_lines()
    {
        var path = _temp.WriteFile("words.txt", "alpha beta\n");
        var terminalSmall = SampleRunner.InProcess(errorIsTerminal: true, [path]);
        var redirectedLarge = SampleRunner.InProcess(errorIsTerminal: false, [path], progressThreshold: 1);

        Assert.Equal($"worker 1 reading {path}\n", terminalSmall.StdErr);
        Assert.Equal($"worker 1 reading {path}\n", redirectedLarge.StdErr);
    }
}
