using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Errors;

/// <summary>A reducer that throws fails the run in the reduce phase, naming the key.</summary>
public sealed class ReduceFailureTests
{
    [Fact]
    public async Task FoldReducerThrowsWhileCombiningDuringMap_NamesKeyAndInput()
    {
        var thrown = new ArithmeticException("overflow");
        // One worker: the second pair of key 4 is combined with the first as it is emitted (map-side combining).
        FaultInput[] inputs = [.. FaultInput.Plain(20, 10)];
        inputs[4] = inputs[4] with { OnReduce = () => throw thrown };

        MapReduceException ex = await Bounded.Throws<MapReduceException>(
            () => FaultFoldJob.Run(inputs, new MapReduceOptions { MaxDegreeOfParallelism = 1 }));

        Assert.Equal(MapReducePhase.Reduce, ex.Phase);
        Assert.Equal(4, ex.Key);
        Assert.Equal(14, ex.InputIndex);
        Assert.Same(thrown, ex.InnerException);
        Assert.Equal("MapReduceGen.Runtime.Tests.Jobs.FaultFoldJob", ex.JobName);
        Assert.Contains("key '4'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("reduce phase", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FoldReducerThrowsWhileMergingWorkerTables_NamesKey()
    {
        var thrown = new ArithmeticException("overflow");
        // Two inputs of key 9 that each wait for the other: they are mapped by two different workers, so each
        // worker holds one value of key 9 and the reducer first meets both while merging the partition.
        using var bothMapping = new Barrier(2);
        void Meet()
        {
            if (!bothMapping.SignalAndWait(TimeSpan.FromSeconds(10)))
            {
                throw new TimeoutException("the second worker never started");
            }
        }

        FaultInput[] inputs = [new(9, 1, Meet, () => throw thrown), new(9, 2, Meet)];

        MapReduceException ex = await Bounded.Throws<MapReduceException>(
            () => FaultFoldJob.Run(inputs, new MapReduceOptions { MaxDegreeOfParallelism = 2, ChunkSize = 1 }),
            TimeSpan.FromSeconds(20));

        Assert.Equal(MapReducePhase.Reduce, ex.Phase);
        Assert.Equal(9, ex.Key);
        Assert.Null(ex.InputIndex);
        Assert.Same(thrown, ex.InnerException);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(4, 64)]
    public async Task GroupReducerThrowsForKey_NamesKey(int workers, int partitions)
    {
        var thrown = new InvalidOperationException("cannot reduce");
        FaultInput[] inputs = FaultInput.Plain(500, 50);
        inputs[123] = inputs[123] with { OnReduce = () => throw thrown };

        MapReduceException ex = await Bounded.Throws<MapReduceException>(
            () => FaultGroupJob.Run(inputs, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions }));

        Assert.Equal(MapReducePhase.Reduce, ex.Phase);
        Assert.Equal(23, ex.Key);
        Assert.Null(ex.InputIndex);
        Assert.Same(thrown, ex.InnerException);
        Assert.Equal("MapReduceGen.Runtime.Tests.Jobs.FaultGroupJob", ex.JobName);
    }

    [Fact]
    public async Task ReducerFailuresAreNeverSkippedAsBadRecords()
    {
        var thrown = new InvalidOperationException("cannot reduce");
        FaultInput[] inputs = FaultInput.Plain(100, 10);
        inputs[3] = inputs[3] with { OnReduce = () => throw thrown };
        var options = new MapReduceOptions { MaxBadRecords = 1000, MaxDegreeOfParallelism = 2 };

        MapReduceException fold = await Bounded.Throws<MapReduceException>(() => FaultFoldJob.Run(inputs, options));
        MapReduceException group = await Bounded.Throws<MapReduceException>(() => FaultGroupJob.Run(inputs, options));

        Assert.Equal((MapReducePhase.Reduce, 3), (fold.Phase, (int)fold.Key!));
        Assert.Equal((MapReducePhase.Reduce, 3), (group.Phase, (int)group.Key!));
    }

    [Fact]
    public async Task MapperFailureOnSequence_MessageNamesJobAndIndex()
    {
        string[] lines = ["x y", "x", "boom"];
        MapReduceException ex = await Bounded.Throws<MapReduceException>(() => BoomWordJob.Run(lines));
        Assert.Equal(2, ex.InputIndex);
        Assert.IsType<BadLineException>(ex.InnerException);
        Assert.Contains("BoomWordJob", ex.Message, StringComparison.Ordinal);
    }
}
