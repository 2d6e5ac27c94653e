namespace MapReduceGen.Runtime.Tests.Runner;

/// <summary>MapReduceOptions rejects settings that make no sense, with the setting's name.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void Defaults()
    {
        var options = new MapReduceOptions();
        Assert.Equal(Environment.ProcessorCount, options.MaxDegreeOfParallelism);
        Assert.Equal(0, options.PartitionCount);
        Assert.Equal(0, options.ChunkSize);
        Assert.Equal(0, options.MaxBadRecords);
        Assert.Null(options.Progress);
        Assert.False(options.CancellationToken.CanBeCanceled);
    }

    [Fact]
    public void MinusOneWorkersMeansProcessorCount()
    {
        var options = new MapReduceOptions { MaxDegreeOfParallelism = 1 };
        options.MaxDegreeOfParallelism = -1;
        Assert.Equal(Environment.ProcessorCount, options.MaxDegreeOfParallelism);
    }

    [Fact]
    public void InvalidValuesThrow()
    {
        var options = new MapReduceOptions();
        Assert.Contains("MaxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxDegreeOfParallelism = 0).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxDegreeOfParallelism = -2);
        Assert.Contains("PartitionCount", Assert.Throws<ArgumentOutOfRangeException>(() => options.PartitionCount = -1).Message, StringComparison.Ordinal);
        Assert.Contains("ChunkSize", Assert.Throws<ArgumentOutOfRangeException>(() => options.ChunkSize = -1).Message, StringComparison.Ordinal);
        Assert.Contains("MaxBadRecords", Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxBadRecords = -1).Message, StringComparison.Ordinal);
        Assert.Contains("ProgressInterval", Assert.Throws<ArgumentOutOfRangeException>(() => options.ProgressInterval = TimeSpan.Zero).Message, StringComparison.Ordinal);
    }
}
