using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Runner;

/// <summary>
/// <see cref="MapReduceOptions.PartitionCount"/> is bounded by <see cref="MapReduceOptions.MaxPartitionCount"/>: a larger
/// value is rejected when it is set, with a message that says the bound, instead of a run that overflows or grows
/// without end; the bound itself runs.
/// </summary>
public sealed class PartitionCountBoundTests
{
    [Theory]
    [InlineData(MapReduceOptions.MaxPartitionCount + 1)]
    [InlineData(100_000_000)]
    [InlineData(int.MaxValue)]
    public void A_partition_count_above_the_bound_is_rejected_with_the_bound_in_the_message(int count)
    {
        var options = new MapReduceOptions();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => options.PartitionCount = count);

        Assert.Equal(count, error.ActualValue);
        Assert.Contains("PartitionCount must be 0 (automatic) or from 1 to 65,536 (MapReduceOptions.MaxPartitionCount)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, options.PartitionCount);
    }

    [Fact]
    public void The_bound_is_65536()
    {
        Assert.Equal(65_536, MapReduceOptions.MaxPartitionCount);
    }

    [Fact]
    public void A_run_with_the_largest_partition_count_gives_the_exact_result()
    {
        int[] inputs = [.. Enumerable.Range(0, 5_000)];

        MapReduceResult<long, string> result = LongKeyGroupJob.Run(
            inputs, new MapReduceOptions { PartitionCount = MapReduceOptions.MaxPartitionCount, MaxDegreeOfParallelism = 2 });

        Assert.Equal(MapReduceOptions.MaxPartitionCount, result.Statistics.PartitionCount);
        Assert.Equal(97 + 500, result.Count);
        Assert.Equal(string.Join(',', inputs.Where(i => i * 7919L % 97 == 5)), result[(1L << 40) + 5]);
    }
}
