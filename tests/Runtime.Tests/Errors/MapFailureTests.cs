using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Errors;

/// <summary>A mapper or input sequence that throws fails the run with a MapReduceException that says where.</summary>
public sealed class MapFailureTests
{
    private const string FoldJobName = "MapReduceGen.Runtime.Tests.Jobs.FaultFoldJob";
    private const string GroupJobName = "MapReduceGen.Runtime.Tests.Jobs.FaultGroupJob";

    public static TheoryData<bool, int, int, InputShape> MapperCases()
    {
        var data = new TheoryData<bool, int, int, InputShape>();
        foreach (bool fold in new[] { true, false })
        {
            foreach ((int workers, int chunk) in new[] { (1, 0), (2, 1), (4, 3), (8, 64) })
            {
                foreach (InputShape shape in InputShapes.All)
                {
                    data.Add(fold, workers, chunk, shape);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MapperCases))]
    public async Task MapperThrowsAtInput_RunThrowsWithPhaseJobIndexAndOriginal(bool fold, int workers, int chunk, InputShape shape)
    {
        var thrown = new InvalidDataException("mapper failed");
        FaultInput[] inputs = FaultInput.Plain(300, 13);
        const int failing = 137;
        inputs[failing] = inputs[failing] with { OnMap = () => throw thrown };
        var options = new MapReduceOptions { MaxDegreeOfParallelism = workers, ChunkSize = chunk };
        IEnumerable<FaultInput> shaped = InputShapes.As(inputs, shape);

        MapReduceException ex = await Bounded.Throws<MapReduceException>(
            () => fold ? FaultFoldJob.Run(shaped, options) : FaultGroupJob.Run(shaped, options));

        Assert.Equal(MapReducePhase.Map, ex.Phase);
        Assert.Equal(fold ? FoldJobName : GroupJobName, ex.JobName);
        Assert.Equal(failing, ex.InputIndex);
        Assert.Same(thrown, ex.InnerException);
        Assert.Null(ex.Key);
        Assert.Null(ex.Path);
        Assert.Null(ex.LineNumber);
        Assert.Contains("map phase", ex.Message, StringComparison.Ordinal);
        Assert.Contains("input 137", ex.Message, StringComparison.Ordinal);
        Assert.Contains("mapper failed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MapperThrows_TaskFaultsWithMapReduceException()
    {
        var thrown = new FormatException("bad");
        FaultInput[] inputs = FaultInput.Plain(50, 5);
        inputs[7] = inputs[7] with { OnMap = () => throw thrown };

        MapReduceException ex = await Assert.ThrowsAsync<MapReduceException>(
            () => FaultGroupJob.RunAsync(inputs).WaitAsync(Bounded.Limit));

        Assert.Equal(7, ex.InputIndex);
        Assert.Same(thrown, ex.InnerException);
    }

    [Fact]
    public async Task FirstFailureStopsTheOtherWorkersPromptly()
    {
        // A failing run first, so the process's first exception (its one-time costs) is not the one measured.
        await Bounded.Throws<MapReduceException>(() => FaultFoldJob.Run(
            [new FaultInput(0, 0, () => throw new InvalidOperationException("warm-up"))], new MapReduceOptions { MaxDegreeOfParallelism = 1 }));

        var mapped = new CountingHook();
        FaultInput[] inputs = [.. Enumerable.Range(0, 100_000).Select(i => new FaultInput(i % 10, i, mapped.Hit))];
        inputs[5] = inputs[5] with { OnMap = () => throw new InvalidOperationException("stop") };

        await Bounded.Throws<MapReduceException>(
            () => FaultFoldJob.Run(inputs, new MapReduceOptions { MaxDegreeOfParallelism = 4, ChunkSize = 1 }));

        // Workers check for a failure before every input: far fewer than all inputs are mapped.
        Assert.True(mapped.Count < 10_000, $"{mapped.Count} inputs were mapped after the failure");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 16)]
    public async Task InputSequenceThrows_RunThrowsMapReduceExceptionWithIndex(int workers, int chunk)
    {
        var thrown = new IOException("the source broke");
        IEnumerable<FaultInput> Broken()
        {
            for (int i = 0; i < 1000; i++)
            {
                if (i == 321)
                {
                    throw thrown;
                }

                yield return new FaultInput(i % 7, i);
            }
        }

        MapReduceException ex = await Bounded.Throws<MapReduceException>(
            () => FaultFoldJob.Run(Broken(), new MapReduceOptions { MaxDegreeOfParallelism = workers, ChunkSize = chunk }));

        Assert.Equal(MapReducePhase.Map, ex.Phase);
        Assert.Equal(FoldJobName, ex.JobName);
        Assert.Equal(321, ex.InputIndex);
        Assert.Same(thrown, ex.InnerException);
        Assert.Contains("reading the inputs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InputSequenceThrowsInGetEnumerator_RunThrowsMapReduceException()
    {
        var thrown = new InvalidOperationException("cannot start");
        MapReduceException ex = await Bounded.Throws<MapReduceException>(
            () => FaultGroupJob.Run(new ThrowingSequence(thrown), new MapReduceOptions { MaxDegreeOfParallelism = 2 }));

        Assert.Equal(0, ex.InputIndex);
        Assert.Same(thrown, ex.InnerException);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task ListIndexerThrows_RunThrowsMapReduceExceptionWithIndex(int workers)
    {
        var thrown = new InvalidOperationException("row 77 is gone");
        var list = new ThrowingList(200, 77, thrown);

        MapReduceException ex = await Bounded.Throws<MapReduceException>(
            () => FaultFoldJob.Run(list, new MapReduceOptions { MaxDegreeOfParallelism = workers, ChunkSize = 10 }));

        Assert.Equal(MapReducePhase.Map, ex.Phase);
        Assert.Equal(77, ex.InputIndex);
        Assert.Same(thrown, ex.InnerException);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task NullKey_IsAClearErrorNamingTheInput(int workers)
    {
        string[] lines = [.. Enumerable.Range(0, 100).Select(i => i == 42 ? "null" : "k" + (i % 5))];

        MapReduceException ex = await Bounded.Throws<MapReduceException>(
            () => NullKeyJob.Run(lines, new MapReduceOptions { MaxDegreeOfParallelism = workers, ChunkSize = 4 }));

        Assert.Equal(MapReducePhase.Map, ex.Phase);
        Assert.Equal(42, ex.InputIndex);
        ArgumentNullException inner = Assert.IsType<ArgumentNullException>(ex.InnerException);
        Assert.Contains("null key", inner.Message, StringComparison.Ordinal);
        Assert.Contains("null key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NullInputsOrSource_ThrowArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => WordCountJob.Run((IEnumerable<string>)null!));
        Assert.Throws<ArgumentNullException>(() => WordCountJob.Run((TextSource)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => WordCountJob.RunAsync((IEnumerable<string>)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => WordCountJob.RunAsync((TextSource)null!));
    }

    private sealed class ThrowingList(int count, int failing, Exception thrown) : IReadOnlyList<FaultInput>
    {
        public int Count => count;

        public FaultInput this[int index] => index == failing ? throw thrown : new FaultInput(index % 3, index);

        public IEnumerator<FaultInput> GetEnumerator()
        {
            for (int i = 0; i < count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class ThrowingSequence(Exception thrown) : IEnumerable<FaultInput>
    {
        public IEnumerator<FaultInput> GetEnumerator() => throw thrown;

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
