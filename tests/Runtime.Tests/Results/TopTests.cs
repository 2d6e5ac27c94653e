using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Results;

/// <summary>Top(n): largest results first, ties by key ascending (ordinal for strings), bounds checked.</summary>
public sealed class TopTests
{
    private static MapReduceStatistics Statistics => new() { JobName = "test" };

    [Fact]
    public void TiesAreOrderedByKeyOrdinally_UppercaseBeforeLowercase()
    {
        // "B" (0x42) < "a" (0x61) ordinally, though a culture-aware comparison puts "a" first.
        string[] lines = ["a B b", "a B", "A", "b", "é", "z z"];

        MapReduceResult<string, int> result = WordCountJob.Run(lines, new MapReduceOptions { MaxDegreeOfParallelism = 3, ChunkSize = 1 });

        Assert.Equal(
            [new("B", 2), new("a", 2), new("b", 2), new("z", 2), new("A", 1), new KeyValuePair<string, int>("é", 1)],
            result.Top(10));
    }

    [Fact]
    public void NumericKeysTieNumerically()
    {
        MapReduceResult<int, long> result = MapReduceResult.Create<int, long>(
            [new(10, 5L), new(9, 5L), new(-3, 5L), new(100, 7L)], Statistics);

        Assert.Equal([100, -3, 9, 10], result.Top(4).Select(p => p.Key));
    }

    [Fact]
    public void ZeroGivesNothing_MoreThanCountGivesAll_NegativeThrows()
    {
        MapReduceResult<string, int> result = MapReduceResult.Create<string, int>(
            [new("x", 1), new("y", 3), new("w", 3)], Statistics);

        Assert.Empty(result.Top(0));
        Assert.Equal(["w", "y", "x"], result.Top(int.MaxValue).Select(p => p.Key));
        Assert.Equal(["w"], result.Top(1).Select(p => p.Key));
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => result.Top(-1));
        Assert.Equal("count", ex.ParamName);
    }

    [Fact]
    public void EmptyResult_TopIsEmpty()
    {
        MapReduceResult<string, int> result = WordCountJob.Run([]);

        Assert.Empty(result.Top(5));
        Assert.Empty(result.Top(0));
    }

    [Fact]
    public void ResultsThatCannotBeOrdered_Throw()
    {
        // Compile-time error MRG0031 says so first; called anyway, Top still throws.
#pragma warning disable MRG0031
        MapReduceResult<Color, Summary> result = ColorSummaryJob.Run([1, 2, 3]);
        InvalidOperationException ex = Assert.Throws<InvalidOperationException>(() => result.Top(1));
        Assert.Contains(nameof(Summary), ex.Message, StringComparison.Ordinal);

        MapReduceResult<string, object> created = MapReduceResult.Create<string, object>([new("k", new object())], Statistics);
        Assert.Throws<InvalidOperationException>(() => created.Top(1));
#pragma warning restore MRG0031
    }

    [Fact]
    public void NonComparableKeysTieByTheirText()
    {
        MapReduceResult<Point, int> result = PointCountJob.Run([1, 2, 3, 4, 5, 6]);
        KeyValuePair<Point, int>[] all = [.. result];

        IReadOnlyList<KeyValuePair<Point, int>> top = result.Top(all.Length);

        Assert.Equal(
            all.OrderByDescending(p => p.Value).ThenBy(p => p.Key.ToString(), StringComparer.Ordinal),
            top);
    }

    [Fact]
    public void RandomResults_TopEqualsAFullSort()
    {
        var random = new Random(77);
        for (int round = 0; round < 50; round++)
        {
            string[] lines = [.. Enumerable.Range(0, random.Next(1, 300)).Select(_ => "w" + random.Next(60) + " W" + random.Next(5))];
            MapReduceResult<string, int> result = WordCountJob.Run(
                lines, new MapReduceOptions { MaxDegreeOfParallelism = 1 + random.Next(4), PartitionCount = 1 + random.Next(9) });
            KeyValuePair<string, int>[] sorted = [.. result
                .OrderByDescending(p => p.Value)
                .ThenBy(p => p.Key, StringComparer.Ordinal)];
            int n = random.Next(0, sorted.Length + 3);

            Assert.Equal(sorted.Take(n), result.Top(n));
        }
    }

    [Fact]
    public void RecordKeysTieMemberByMember_NotByTheirText()
    {
        // As text, "Month { Year = 2024, Number = 10 }" sorts before "... Number = 9 }"; by members, 9 comes first.
        MapReduceResult<Month, int> result = MonthCountJob.Run([11, 10, 9, 10, 11, 9, 1]);

        Assert.Equal([9, 10, 11, 1], result.Top(4).Select(e => e.Key.Number));
    }
}
