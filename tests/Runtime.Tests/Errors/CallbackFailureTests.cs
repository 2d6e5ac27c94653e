using MapReduceGen.Runtime.Tests.Inputs;
using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Progress;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Errors;

/// <summary>
/// The caller's callbacks (the progress reporter, a text source's <c>SplitStarted</c> and <c>InvalidUtf8Found</c>) are
/// user code like the mapper: one that throws fails the run with a <see cref="MapReduceException"/> that names it, never a
/// raw exception, never a crash of the process from the timer's thread.
/// </summary>
public sealed class CallbackFailureTests
{
    [Fact]
    public async Task A_progress_callback_that_throws_on_the_timer_fails_the_run()
    {
        using var thrown = new ManualResetEventSlim();
        var progress = new RecordingProgress
        {
            OnReport = _ =>
            {
                thrown.Set();
                throw new InvalidOperationException("the progress bar broke");
            },
        };

        // Half way, the input waits until the timer's report has thrown, so the run is still mapping when it does.
        FaultInput[] inputs = FaultInput.Plain(20_000, 100);
        inputs[10_000] = inputs[10_000] with { OnMap = () => Assert.True(thrown.Wait(TimeSpan.FromSeconds(30)), "no progress report") };
        var options = new MapReduceOptions { Progress = progress, ProgressInterval = TimeSpan.FromMilliseconds(5), MaxDegreeOfParallelism = 2, ChunkSize = 16 };

        MapReduceException error = await Bounded.Throws<MapReduceException>(() => FaultGroupJob.Run(inputs, options), TimeSpan.FromSeconds(60));

        Assert.Equal(MapReducePhase.Map, error.Phase);
        Assert.Contains("the progress callback (IProgress<MapReduceProgress>.Report) threw InvalidOperationException: the progress bar broke", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public void A_progress_callback_that_throws_on_the_final_report_fails_the_run()
    {
        var progress = new RecordingProgress
        {
            OnReport = report =>
            {
                if (report.Phase == MapReducePhase.Completed)
                {
                    throw new InvalidOperationException("no more reports");
                }
            },
        };

        var error = Assert.Throws<MapReduceException>(() => FaultGroupJob.Run(FaultInput.Plain(100, 10), new MapReduceOptions { Progress = progress }));

        Assert.Contains("the progress callback (IProgress<MapReduceProgress>.Report) threw", error.Message, StringComparison.Ordinal);
        Assert.Equal("no more reports", error.InnerException!.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_SplitStarted_hook_that_throws_fails_the_run_naming_the_file(int workers)
    {
        using var directory = new TempDirectory();
        string[] files = [.. Enumerable.Range(0, 6).Select(i => directory.WriteFile($"f{i}.txt", "a b c\n"))];
        TextSource source = TextSource.FromFiles(files);
        source.SplitStarted = (_, split) =>
        {
            if (split.Path == files[4])
            {
                throw new FormatException("cannot show this file");
            }
        };

        var error = Assert.Throws<MapReduceException>(() => WordCountJob.Run(source, new MapReduceOptions { MaxDegreeOfParallelism = workers }));

        Assert.Equal(MapReducePhase.Map, error.Phase);
        Assert.Equal(files[4], error.Path);
        Assert.Contains("the SplitStarted callback threw FormatException: cannot show this file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_InvalidUtf8Found_hook_that_throws_fails_the_run_naming_the_file()
    {
        using var directory = new TempDirectory();
        string good = directory.WriteFile("good.txt", "a b\n");
        string bad = directory.WriteFile("bad.txt", [0x61, 0x20, 0xFF, 0x0A]);
        TextSource source = TextSource.FromFiles(good, bad);
        source.InvalidUtf8Found = path => throw new InvalidDataException($"refusing {Path.GetFileName(path)}");

        var error = Assert.Throws<MapReduceException>(() => WordCountJob.Run(source, new MapReduceOptions { MaxDegreeOfParallelism = 2 }));

        Assert.Equal(bad, error.Path);
        Assert.Contains("the InvalidUtf8Found callback threw InvalidDataException: refusing bad.txt", error.Message, StringComparison.Ordinal);
    }
}
