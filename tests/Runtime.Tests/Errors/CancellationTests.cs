using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Errors;

/// <summary>
/// Cancellation through MapReduceOptions.CancellationToken or RunAsync's token stops a run promptly with
/// OperationCanceledException and no result, before the run, while mapping and while reducing.
/// </summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task OptionsTokenCancelledBeforeRun_ThrowsWithoutMapping()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var mapped = new CountingHook();
        FaultInput[] inputs = [.. Enumerable.Range(0, 100).Select(i => new FaultInput(i, i, mapped.Hit))];

        OperationCanceledException ex = await Bounded.Throws<OperationCanceledException>(
            () => FaultFoldJob.Run(inputs, new MapReduceOptions { CancellationToken = cts.Token }));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(0, mapped.Count);
    }

    [Fact]
    public async Task RunAsyncTokenCancelledBeforeRun_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var mapped = new CountingHook();
        FaultInput[] inputs = [.. Enumerable.Range(0, 100).Select(i => new FaultInput(i, i, mapped.Hit))];

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => FaultGroupJob.RunAsync(inputs, null, cts.Token).WaitAsync(Bounded.Limit));
        Assert.Equal(0, mapped.Count);
    }

    public static TheoryData<bool, bool, int> DuringRunCases()
    {
        var data = new TheoryData<bool, bool, int>();
        foreach (bool fold in new[] { true, false })
        {
            foreach (bool viaOptions in new[] { true, false })
            {
                foreach (int workers in new[] { 1, 2, 8 })
                {
                    data.Add(fold, viaOptions, workers);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DuringRunCases))]
    public async Task CancelledWhileMapping_StopsPromptly(bool fold, bool viaOptions, int workers)
    {
        using var cts = new CancellationTokenSource();
        var mapped = new CountingHook();
        FaultInput[] inputs = [.. Enumerable.Range(0, 200_000).Select(i => new FaultInput(i % 100, i, mapped.Hit))];
        inputs[1000] = inputs[1000] with { OnMap = cts.Cancel };
        var options = new MapReduceOptions { MaxDegreeOfParallelism = workers, ChunkSize = 16 };
        CancellationToken runToken = CancellationToken.None;
        if (viaOptions)
        {
            options.CancellationToken = cts.Token;
        }
        else
        {
            runToken = cts.Token;
        }

        Task run = fold
            ? FaultFoldJob.RunAsync(inputs, options, runToken)
            : FaultGroupJob.RunAsync(inputs, options, runToken);
        OperationCanceledException ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Bounded.Limit));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.True(mapped.Count < 100_000, $"{mapped.Count} inputs were mapped after cancellation");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task CancelledWhileReducing_Throws(int workers)
    {
        using var cts = new CancellationTokenSource();
        var reduced = new CountingHook();
        FaultInput[] inputs = [.. Enumerable.Range(0, 20_000).Select(i => new FaultInput(i, i, null, reduced.Hit))];
        inputs[10] = inputs[10] with { OnReduce = cts.Cancel };

        await Bounded.Throws<OperationCanceledException>(() => FaultGroupJob.Run(
            inputs, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = 1, CancellationToken = cts.Token }));

        Assert.True(reduced.Count < 19_000, $"{reduced.Count} keys were reduced after cancellation");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task CancelledInASlowGroupingReducer_NoFurtherKeyIsReduced(int workers)
    {
        // "Between keys": once a reducer call cancels, the partition's reduce stops before the next key.
        using var cts = new CancellationTokenSource();
        int afterCancel = 0;
        FaultInput[] inputs = [.. Enumerable.Range(0, 2_000).Select(i => new FaultInput(i, i, null, () =>
        {
            if (cts.IsCancellationRequested)
            {
                Interlocked.Increment(ref afterCancel);
            }

            Thread.SpinWait(2_000);
        }))];
        inputs[300] = inputs[300] with { OnReduce = cts.Cancel };

        await Bounded.Throws<OperationCanceledException>(() => FaultGroupJob.Run(
            inputs, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = 1, CancellationToken = cts.Token }));

        Assert.Equal(0, Volatile.Read(ref afterCancel));
    }

    [Fact]
    public async Task BothTokens_EitherCancels_AndTheExceptionCarriesTheCancelledToken()
    {
        using var optionsSource = new CancellationTokenSource();
        using var runSource = new CancellationTokenSource();
        FaultInput[] inputs = [.. Enumerable.Range(0, 50_000).Select(i => new FaultInput(i % 10, i))];
        inputs[500] = inputs[500] with { OnMap = runSource.Cancel };
        var options = new MapReduceOptions { CancellationToken = optionsSource.Token, MaxDegreeOfParallelism = 2 };

        OperationCanceledException ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => FaultFoldJob.RunAsync(inputs, options, runSource.Token).WaitAsync(Bounded.Limit));

        Assert.Equal(runSource.Token, ex.CancellationToken);
        Assert.False(optionsSource.IsCancellationRequested);
    }

    [Fact]
    public async Task MapperThatObservesTheTokenAndThrows_CountsAsCancellation()
    {
        using var cts = new CancellationTokenSource();
        FaultInput[] inputs = [.. Enumerable.Range(0, 1000).Select(i => new FaultInput(i % 10, i, () => cts.Token.ThrowIfCancellationRequested()))];
        inputs[100] = inputs[100] with
        {
            OnMap = () =>
            {
                cts.Cancel();
                cts.Token.ThrowIfCancellationRequested();
            },
        };

        OperationCanceledException ex = await Bounded.Throws<OperationCanceledException>(
            () => FaultFoldJob.Run(inputs, new MapReduceOptions { CancellationToken = cts.Token, MaxDegreeOfParallelism = 3 }));

        Assert.IsNotType<MapReduceException>(ex.InnerException);
    }

    [Fact]
    public async Task OperationCanceledFromAnUnrelatedTokenIsAUserFailure()
    {
        // The mapper's own timeout is not the run's cancellation: it is reported as the mapper's failure.
        var own = new OperationCanceledException("the mapper's own timeout");
        FaultInput[] inputs = FaultInput.Plain(100, 10);
        inputs[60] = inputs[60] with { OnMap = () => throw own };

        MapReduceException ex = await Bounded.Throws<MapReduceException>(() => FaultFoldJob.Run(inputs));

        Assert.Equal(60, ex.InputIndex);
        Assert.Same(own, ex.InnerException);
    }
}
