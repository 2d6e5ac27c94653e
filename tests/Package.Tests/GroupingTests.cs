using MapReduceGen;
using Package.Consumer.Data;
using Package.Consumer.Jobs;

namespace Package.Tests;

/// <summary>Grouping reducers: record-struct keys with the span reducer, int keys with the list reducer.</summary>
public class GroupingTests
{
    [Fact]
    public void SummarisesSalesPerRegionAndYear()
    {
        Sale[] sales =
        [
            new("north", new DateOnly(2024, 1, 5), 10.50m),
            new("north", new DateOnly(2024, 12, 31), -2.25m),
            new("north", new DateOnly(2025, 1, 1), 7m),
            new("south", new DateOnly(2024, 6, 1), 3m),
        ];

        var result = SalesByRegionYearJob.Run(sales);

        Assert.Equal(3, result.Count);
        Assert.Equal(new SalesSummary(2, 8.25m, 10.50m), result[new RegionYear("north", 2024)]);
        Assert.Equal(new SalesSummary(1, 7m, 7m), result[new RegionYear("north", 2025)]);
        Assert.Equal(new SalesSummary(1, 3m, 3m), result[new RegionYear("south", 2024)]);
        Assert.False(result.ContainsKey(new RegionYear("South", 2024)));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 7)]
    public void SalesMatchLinqGrouping(int workers, int partitions)
    {
        Sale[] sales = ConsumerData.Sales(15_000, seed: 8);

        var result = SalesByRegionYearJob.Run(sales, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions });

        Assert.Null(ResultDifference.Describe(result, Expected.SalesByRegionYear(sales)));
    }

    [Fact]
    public void ListsDistinctWordsPerLength()
    {
        var result = WordsByLengthJob.Run(["to be or not to be", "that is   the question"]);

        Assert.Equal("be is or to", result[2]);
        Assert.Equal("not the", result[3]);
        Assert.Equal("that", result[4]);
        Assert.Equal("question", result[8]);
        Assert.Equal(4, result.Count);
    }

    [Fact]
    public void WordsByLengthMatchesLinqGrouping()
    {
        string[] lines = ConsumerData.Lines(2_000, seed: 4);

        var result = WordsByLengthJob.Run(lines, new MapReduceOptions { MaxDegreeOfParallelism = 2, ChunkSize = 33 });

        Assert.Null(ResultDifference.Describe(result, Expected.WordsByLength(lines)));
    }
}
