using MapReduceGen.Runtime.Tests.Inputs;
using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Errors;

/// <summary>
/// MapReduceOptions.MaxBadRecords: inputs whose mapping throws are skipped up to the limit, counted and reported
/// with where they came from and what was thrown; none of their pairs count; over the limit the run fails.
/// </summary>
public sealed class BadRecordTests
{
    /// <summary>Random lines; the chosen ones get "boom" after a few words, so they emit pairs before throwing.</summary>
    private static (string[] Lines, SortedSet<int> Bad) LinesWithBadOnes(int seed, int count, int bad)
    {
        var random = new Random(seed);
        string[] lines = RandomInputs.Lines(random, count);
        var badIndexes = new SortedSet<int>();
        while (badIndexes.Count < bad)
        {
            badIndexes.Add(random.Next(count));
        }

        foreach (int i in badIndexes)
        {
            lines[i] = "alpha beta " + lines[i] + " boom tail";
        }

        return (lines, badIndexes);
    }

    private static Expected<string, long> GoodLinesReference(string[] lines, SortedSet<int> bad)
    {
        Expected<string, long> expected = Reference.Fold(
            lines.Where((_, i) => !bad.Contains(i)),
            l => PairCollector<string, long>.Collect(l, BoomWordJob.Map),
            BoomWordJob.Reduce);
        return expected with { Inputs = lines.Length };
    }

    [Theory]
    [InlineData(1, 0, InputShape.Array)]
    [InlineData(2, 1, InputShape.List)]
    [InlineData(4, 3, InputShape.Lazy)]
    [InlineData(8, 64, InputShape.ReadOnlyList)]
    public async Task BadRecordsWithinLimit_AreSkippedReportedAndTheirPairsDiscarded(int workers, int chunk, InputShape shape)
    {
        (string[] lines, SortedSet<int> bad) = LinesWithBadOnes(workers, 400, 9);
        var options = new MapReduceOptions { MaxBadRecords = 9, MaxDegreeOfParallelism = workers, ChunkSize = chunk };

        MapReduceResult<string, long> result = await Bounded.Run(() => BoomWordJob.Run(InputShapes.As(lines, shape), options));

        Expected<string, long> expected = GoodLinesReference(lines, bad);
        Assert.Equal(expected.Results, result.ToDictionary());
        Assert.Equal(expected.Pairs, result.Statistics.PairsEmitted);
        Assert.Equal(lines.Length, result.Statistics.InputsRead);
        Assert.Equal(9, result.Statistics.BadRecordsSkipped);
        SkippedRecord[] skipped = [.. result.Statistics.SkippedRecords.OrderBy(s => s.InputIndex)];
        Assert.Equal(bad.Select(i => (long)i), skipped.Select(s => s.InputIndex));
        foreach (SkippedRecord record in skipped)
        {
            BadLineException thrown = Assert.IsType<BadLineException>(record.Exception);
            Assert.Equal(lines[record.InputIndex], thrown.Line);
            Assert.Null(record.Path);
            Assert.Null(record.LineNumber);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task OneMoreBadRecordThanTheLimit_FailsTheRun(int workers)
    {
        (string[] lines, SortedSet<int> bad) = LinesWithBadOnes(7, 300, 6);
        var options = new MapReduceOptions { MaxBadRecords = 5, MaxDegreeOfParallelism = workers, ChunkSize = 4 };

        MapReduceException ex = await Bounded.Throws<MapReduceException>(() => BoomWordJob.Run(lines, options));

        Assert.Equal(MapReducePhase.Map, ex.Phase);
        Assert.Contains(ex.InputIndex!.Value, bad.Select(i => (long)i));
        BadLineException inner = Assert.IsType<BadLineException>(ex.InnerException);
        Assert.Equal(lines[ex.InputIndex.Value], inner.Line);
        Assert.Contains("MaxBadRecords", ex.Message, StringComparison.Ordinal);
        Assert.Contains("more than 5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheOption_TheFirstBadRecordFailsTheRun()
    {
        (string[] lines, SortedSet<int> bad) = LinesWithBadOnes(8, 200, 1);

        MapReduceException ex = await Bounded.Throws<MapReduceException>(() => BoomWordJob.Run(lines));

        Assert.Equal(bad.Single(), ex.InputIndex);
        Assert.DoesNotContain("MaxBadRecords", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NullKeyRecordsAreSkippedLikeOtherBadRecords()
    {
        string[] lines = ["a", "null", "b", "a", "null"];

        MapReduceResult<string, int> result = await Bounded.Run(
            () => NullKeyJob.Run(lines, new MapReduceOptions { MaxBadRecords = 2, MaxDegreeOfParallelism = 1 }));

        Assert.Equal(new Dictionary<string, int> { ["a"] = 2, ["b"] = 1 }, result.ToDictionary());
        Assert.Equal([1L, 4L], result.Statistics.SkippedRecords.Select(s => s.InputIndex).Order());
        Assert.All(result.Statistics.SkippedRecords, s => Assert.IsType<ArgumentNullException>(s.Exception));
        Assert.Equal(3, result.Statistics.PairsEmitted);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 40)]
    public async Task TextInput_SkippedRecordsNameFileAndLine(int workers, long splitBytes)
    {
        using var dir = new TempDirectory();
        (string[] lines, SortedSet<int> bad) = LinesWithBadOnes(21, 120, 4);
        string first = dir.WriteFile("a.txt", "\uFEFF" + string.Join("\r\n", lines[..60]) + "\r\n");
        string second = dir.WriteFile("b.txt", string.Join("\r", lines[60..]));
        var source = TextSource.FromPaths(first, second);
        source.SplitBytes = splitBytes;

        MapReduceResult<string, long> result = await Bounded.Run(
            () => BoomWordJob.Run(source, new MapReduceOptions { MaxBadRecords = 4, MaxDegreeOfParallelism = workers }));

        Expected<string, long> expected = GoodLinesReference(lines, bad);
        Assert.Equal(expected.Results, result.ToDictionary());
        Assert.Equal(expected.Pairs, result.Statistics.PairsEmitted);
        Assert.Equal(lines.Length, result.Statistics.InputsRead);
        var reported = result.Statistics.SkippedRecords
            .Select(s => (Path: s.Path!, s.LineNumber, ((BadLineException)s.Exception).Line))
            .OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => s.LineNumber)
            .ToList();
        var wanted = bad
            .Select(i => i < 60 ? (first, (long?)(i + 1), lines[i]) : (second, (long?)(i - 60 + 1), lines[i]))
            .ToList();
        Assert.Equal(wanted, reported);
    }

    [Fact]
    public async Task TextInput_OverTheLimit_FailsNamingFileAndLine()
    {
        using var dir = new TempDirectory();
        string file = dir.WriteFile("bad.txt", "ok line\nboom one\nfine\nboom two\nend\n");

        MapReduceException ex = await Bounded.Throws<MapReduceException>(
            () => BoomWordJob.Run(TextSource.FromPaths(file), new MapReduceOptions { MaxBadRecords = 1 }));

        Assert.Equal(file, ex.Path);
        Assert.Equal(4, ex.LineNumber);
        Assert.Contains("bad.txt:4", ex.Message, StringComparison.Ordinal);
    }
}
