using MapReduceGen;

namespace Sample.WordCount.Tests.GuideExamples;

/// <summary>Runs the examples of docs/guide.md past the first job (parameters, combiners, records, several inputs, ordering).</summary>
public sealed class JobFeatureGuideExampleTests
{
    [Fact]
    public void Parameters_and_counters()
    {
        string[] lines = ["an error here", "all fine", "another error"];
        var hits = LineGrep.Run(lines, new GrepOptions("error"));

        Assert.Equal(2, hits["error"]);
        Assert.Equal(3, hits.Statistics.Counters["lines"]);
    }

    [Fact]
    public void A_combiner_and_a_finishing_reducer()
    {
        Rating[] ratings = [new("tea", 5), new("tea", 4), new("cake", 3), new("tea", 3)];
        var averages = AverageRating.Run(ratings);

        Assert.Equal(4.0, averages["tea"]);
        Assert.Equal(3.0, averages["cake"]);
    }

    [Fact]
    public void A_reducer_that_writes_records()
    {
        MapReduceRecords<string> repeated = RepeatedWords.Run(["a b a", "c b", "a"]);

        Assert.Equal(["a x3", "b x2"], repeated.Order(StringComparer.Ordinal));
        Assert.Equal(2, repeated.Count);
    }

    [Fact]
    public void A_reducer_of_keys_only()
    {
        string[] log = ["ann\t/a\t2024-01-01", "bob\t/a\t2024-01-02", "ann\t/a\t2024-01-03", "ann\t/b\t2024-01-03"];
        MapReduceRecords<string> visitors = DistinctVisitors.Run(log, new MapReduceOptions { MaxDegreeOfParallelism = 2, PartitionCount = 2 });

        Assert.Equal(["/a ann", "/a bob", "/b ann"], visitors);
    }

    [Fact]
    public void Several_inputs()
    {
        Customer[] customers = [new(1, "Ann"), new(2, "Bo")];
        Order[] orders = [new(1, 10m), new(1, 5m), new(3, 7m)];
        MapReduceRecords<(string Name, decimal Total)> totals = OrderTotals.Run(customers, orders);

        Assert.Equal([("Ann", 15m), ("Bo", 0m)], totals.OrderBy(t => t.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void Sorted_by_key_and_by_output()
    {
        string[] lines = ["b a c", "a b", "a"];
        var sorted = SortedWordCount.Run(lines, new MapReduceOptions { MaxDegreeOfParallelism = 2, PartitionCount = 3 });
        Assert.Equal(["a", "b", "c"], sorted.Keys);

        var ranked = MostFrequentWords.Run(lines);
        Assert.Equal([("a", 3), ("b", 2), ("c", 1)], ranked);
    }

    [Fact]
    public void Secondary_sort_and_a_partitioner()
    {
        Reading[] readings =
        [
            new("Oslo", new DateOnly(2024, 1, 20), -8.0),
            new("Oslo", new DateOnly(2024, 1, 3), -4.0),
            new("Rome", new DateOnly(2024, 1, 5), 11.5),
            new("Oslo", new DateOnly(2024, 2, 1), 1.0),
        ];
        var series = ReadingsByStation.Run(readings, new MapReduceOptions { PartitionCount = 2 });

        Assert.Equal("-4 -8 1", series["Oslo"]);
        Assert.Equal("Oslo", Assert.Single(series.Partition('O' % 2)).Key);
    }

    [Fact]
    public void Top_by_a_selector()
    {
        var counts = WordCount.Run(["the quick brown fox", "The lazy dog", "the end"]);
        var longest = counts.Top(2, entry => entry.Key.Length);

        Assert.Equal(["brown", "quick"], longest.Select(e => e.Key));
    }
}
