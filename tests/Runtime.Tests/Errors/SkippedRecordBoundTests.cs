using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Errors;

/// <summary>
/// Skipped bad records cost bounded memory: the statistics keep the first
/// <see cref="MapReduceStatistics.SkippedRecordsKept"/> in detail and count all of them exactly.
/// </summary>
public sealed class SkippedRecordBoundTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Many_bad_records_keep_a_bounded_list_and_an_exact_count(int workers)
    {
        // 30,000 inputs, every third one bad: 10,000 skipped records.
        string[] lines = [.. Enumerable.Range(0, 30_000).Select(i => i % 3 == 0 ? $"alpha boom {i}" : $"alpha beta {i}")];
        var options = new MapReduceOptions { MaxBadRecords = 20_000, MaxDegreeOfParallelism = workers, ChunkSize = 64 };

        MapReduceResult<string, long> result = await Bounded.Run(() => BoomWordJob.Run(lines, options));

        Assert.Equal(10_000, result.Statistics.BadRecordsSkipped);
        Assert.Equal(MapReduceStatistics.SkippedRecordsKept, result.Statistics.SkippedRecords.Count);
        Assert.All(result.Statistics.SkippedRecords, r => Assert.Equal(0, r.InputIndex % 3));
        Assert.Equal(MapReduceStatistics.SkippedRecordsKept, result.Statistics.SkippedRecords.Select(r => r.InputIndex).Distinct().Count());
        Assert.Equal(20_000, result["beta"]);
        Assert.Equal(30_000, result.Statistics.InputsRead);
        Assert.Contains("10000 skipped", result.Statistics.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_limit_counts_every_skipped_record_not_only_the_kept_ones()
    {
        string[] lines = [.. Enumerable.Range(0, 3000).Select(i => i % 2 == 0 ? "boom" : "fine")];
        var options = new MapReduceOptions { MaxBadRecords = 1499, MaxDegreeOfParallelism = 2, ChunkSize = 16 };

        MapReduceException error = await Bounded.Throws<MapReduceException>(() => BoomWordJob.Run(lines, options));

        Assert.Contains("more than 1499 inputs failed (MaxBadRecords)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_log_counts_past_what_it_keeps()
    {
        var log = new SkippedRecordLog(keep: 2);
        var record = new SkippedRecord(0, null, null, new InvalidOperationException());

        Assert.True(log.TryAdd(record with { InputIndex = 1 }, limit: 4));
        Assert.True(log.TryAdd(record with { InputIndex = 2 }, limit: 4));
        Assert.True(log.TryAdd(record with { InputIndex = 3 }, limit: 4));
        Assert.True(log.TryAdd(record with { InputIndex = 4 }, limit: 4));
        Assert.False(log.TryAdd(record with { InputIndex = 5 }, limit: 4));

        Assert.Equal(4, log.Count);
        Assert.Equal([1L, 2L], log.Snapshot().Select(r => r.InputIndex));
        Assert.Equal(4, new MapReduceStatistics { JobName = "j", SkippedRecords = log.Snapshot() }.BadRecordsSkipped);
        Assert.Equal(7, new MapReduceStatistics { JobName = "j", SkippedRecords = log.Snapshot(), BadRecordsSkipped = 7 }.BadRecordsSkipped);
        Assert.Equal(0, new MapReduceStatistics { JobName = "j" }.BadRecordsSkipped);
    }
}
