using MapReduceGen.Runtime.Tests.Inputs;
using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Progress;

/// <summary>
/// MapReduceOptions.Progress hears about a run on a timer (never per record), at each phase change and once at the
/// end with Completed and the final counts; text sources report bytes.
/// </summary>
public sealed class ProgressTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    [Fact]
    public async Task ReportsArriveWhileMappingAtTheTimerRate_AndEndWithCompleted()
    {
        const int Count = 100_000;
        using var mapReported = new ManualResetEventSlim();
        var progress = new RecordingProgress
        {
            OnReport = p =>
            {
                if (p.Phase == MapReducePhase.Map && p.InputsRead > 0)
                {
                    mapReported.Set();
                }
            },
        };

        // The input half way waits until a report made while mapping has arrived (the timer's, not a per-record one).
        FaultInput[] inputs = FaultInput.Plain(Count, 1000);
        inputs[Count / 2] = inputs[Count / 2] with
        {
            OnMap = () => Assert.True(mapReported.Wait(TimeSpan.FromSeconds(10)), "no progress while mapping"),
        };
        var options = new MapReduceOptions { Progress = progress, ProgressInterval = Interval, MaxDegreeOfParallelism = 2, ChunkSize = 64 };

        MapReduceResult<int, long> result = await Bounded.Run(() => FaultGroupJob.Run(inputs, options));

        IReadOnlyList<MapReduceProgress> reports = progress.Reports;
        MapReduceProgress last = reports[^1];
        Assert.Equal(MapReducePhase.Completed, last.Phase);
        Assert.Equal(Count, last.InputsRead);
        Assert.Equal(Count, last.PairsEmitted);
        Assert.Equal(last.PartitionCount, last.PartitionsReduced);
        Assert.Equal(result.Statistics.PartitionCount, last.PartitionCount);
        Assert.Equal(0, last.BytesRead);
        Assert.Null(last.TotalBytes);
        Assert.Contains(reports, p => p.Phase == MapReducePhase.Reduce);
        Assert.Single(reports, p => p.Phase == MapReducePhase.Completed);

        // Timer rate plus the phase changes: never one per record.
        double ticks = result.Statistics.TotalTime / Interval;
        Assert.True(reports.Count <= ticks + 4, $"{reports.Count} reports in {ticks:F0} intervals");
        for (int i = 1; i < reports.Count; i++)
        {
            Assert.True(reports[i].InputsRead >= reports[i - 1].InputsRead);
            Assert.True(reports[i].Phase >= reports[i - 1].Phase);
            Assert.True(reports[i].Elapsed >= reports[i - 1].Elapsed);
        }
    }

    [Fact]
    public async Task NoReportAfterRunReturns()
    {
        var progress = new RecordingProgress();
        var options = new MapReduceOptions { Progress = progress, ProgressInterval = TimeSpan.FromMilliseconds(1) };
        for (int i = 0; i < 20; i++)
        {
            await Bounded.Run(() => ResidueSumJob.Run(Enumerable.Range(0, 20_000).ToArray(), options));
        }

        int count = progress.Reports.Count;
        await Task.Delay(50);

        Assert.Equal(count, progress.Reports.Count);
        Assert.Equal(MapReducePhase.Completed, progress.Reports[^1].Phase);
        Assert.Equal(20, progress.Reports.Count(p => p.Phase == MapReducePhase.Completed));
    }

    [Fact]
    public async Task TextSourcesReportBytes()
    {
        using var dir = new TempDirectory();
        string[] lines = TextFiles.RandomLines(new Random(2), 5000);
        var source = TextSource.FromPaths(
            dir.WriteFile("a.txt", TextFiles.Encode(lines[..2500], "\r\n", true, true)),
            dir.WriteFile("b.txt", TextFiles.Encode(lines[2500..], "\n", false, false)));
        source.SplitBytes = 1000;
        var progress = new RecordingProgress();

        MapReduceResult<string, int> result = await Bounded.Run(() => WordCountJob.Run(
            source, new MapReduceOptions { Progress = progress, ProgressInterval = Interval, MaxDegreeOfParallelism = 3 }));

        MapReduceProgress last = progress.Reports[^1];
        Assert.Equal(MapReducePhase.Completed, last.Phase);
        Assert.Equal(source.TotalBytes, last.TotalBytes);
        Assert.Equal(source.TotalBytes, last.BytesRead);
        Assert.Equal(source.TotalBytes, result.Statistics.BytesRead);
        Assert.Equal(lines.Length, last.InputsRead);
        Assert.All(progress.Reports, p => Assert.InRange(p.BytesRead, 0, source.TotalBytes));
    }

    [Fact]
    public async Task FailedRunNeverReportsCompleted()
    {
        var progress = new RecordingProgress();
        FaultInput[] inputs = FaultInput.Plain(1000, 10);
        inputs[900] = inputs[900] with { OnMap = () => throw new InvalidOperationException() };

        await Bounded.Throws<MapReduceException>(() => FaultFoldJob.Run(
            inputs, new MapReduceOptions { Progress = progress, ProgressInterval = Interval }));
        await Task.Delay(30);

        Assert.DoesNotContain(progress.Reports, p => p.Phase == MapReducePhase.Completed);
    }
}
