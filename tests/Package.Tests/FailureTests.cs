using MapReduceGen;
using Package.Consumer.Jobs;

namespace Package.Tests;

/// <summary>User exceptions and cancellation reach the caller as the API promises, with no partial result.</summary>
public class FailureTests
{
    [Fact]
    public void MapperExceptionNamesJobPhaseAndInput()
    {
        var ex = Assert.Throws<MapReduceException>(
            () => NumberSumJob.Run(["10", "-4", "x7", "3"], new MapReduceOptions { MaxDegreeOfParallelism = 1 }));

        Assert.Equal(MapReducePhase.Map, ex.Phase);
        Assert.Equal(2, ex.InputIndex);
        Assert.Contains(nameof(NumberSumJob), ex.JobName, StringComparison.Ordinal);
        Assert.IsType<FormatException>(ex.InnerException);
    }

    [Fact]
    public void ValidNumbersAreSummedByParity()
    {
        var result = NumberSumJob.Run(["10", "-4", "7", "3"]);

        Assert.Equal(6L, result[true]);
        Assert.Equal(10L, result[false]);
    }

    [Fact]
    public async Task CancelledRunThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => WordFrequencyJob.RunAsync(["a b c"], cancellationToken: cancellation.Token));
    }
}
