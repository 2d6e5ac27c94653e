using System.Diagnostics;
using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Progress;
using MapReduceGen.Runtime.Tests.Utf8Mapping;

namespace MapReduceGen.Runtime.Tests.Inputs;

/// <summary>
/// Files whose length says nothing: /proc and /sys files report 0 and hold text, devices report 0 and never end. A file
/// that reports length 0 is read to its end as a stream, never taken as empty (an empty file still gives no line).
/// </summary>
public sealed class ZeroLengthFileTests
{
    private const string ProcVersion = "/proc/version";

    [Fact]
    public void A_proc_file_that_reports_length_0_is_read_whole()
    {
        Assert.True(File.Exists(ProcVersion), "/proc/version needs Linux.");
        Assert.Equal(0, new FileInfo(ProcVersion).Length);
        Dictionary<string, int> expected = File.ReadAllText(ProcVersion)
            .Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(w => w, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.NotEmpty(expected);

        MapReduceResult<string, int> lines = Utf8WordCountJob.Run(TextSource.FromPaths(ProcVersion), new MapReduceOptions { MaxDegreeOfParallelism = 2 });
        MapReduceResult<string, int> blocks = Utf8WordCountJob.RunUtf8(TextSource.FromPaths(ProcVersion), new MapReduceOptions { MaxDegreeOfParallelism = 2 });

        Assert.Equal(expected, lines.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
        Assert.Equal(expected, blocks.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
        Assert.True(lines.Statistics.BytesRead > 0);
    }

    [Fact]
    public void A_file_that_reports_length_0_among_others_is_read_too()
    {
        using var directory = new TempDirectory();
        string words = directory.WriteFile("words.txt", "a b\n");
        string empty = directory.WriteFile("empty.txt", "");

        MapReduceResult<string, int> counts = WordCountJob.Run(TextSource.FromPaths(words, empty, ProcVersion, words));

        Assert.Equal(1, counts["a"]);
        Assert.Equal(File.ReadAllText(ProcVersion).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length + 2, counts.Sum(e => e.Value));
    }

    [Fact]
    public void Dev_zero_is_read_as_one_endless_line_until_the_line_limit()
    {
        TextSource source = TextSource.FromPaths("/dev/zero");
        source.MaxLineChars = 100_000;

        var error = Assert.Throws<MapReduceException>(() => WordCountJob.Run(source));

        Assert.Equal("/dev/zero", error.Path);
        var inner = Assert.IsType<TextSourceException>(error.InnerException);
        Assert.Contains("line 1 of '/dev/zero' is too long to read", inner.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dev_urandom_is_read_until_the_run_is_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var options = new MapReduceOptions
        {
            MaxDegreeOfParallelism = 2,
            ProgressInterval = TimeSpan.FromMilliseconds(10),
            Progress = new RecordingProgress
            {
                OnReport = report =>
                {
                    if (report.BytesRead > (4 << 20))
                    {
                        cancel.Cancel();
                    }
                },
            },
        };

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => WordCountJob.RunAsync(TextSource.FromPaths("/dev/urandom"), options, cancel.Token).WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.True(cancel.IsCancellationRequested, $"the run ended by itself after {watch.Elapsed}");
    }
}
