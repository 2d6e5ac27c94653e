using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Runner;

/// <summary>
/// For every mapper shape x reducer shape and every kind of key, every combination of worker count,
/// partition count and chunk size (and every input shape) gives exactly the sequential LINQ result and statistics.
/// </summary>
public sealed class ShapeAndKeyMatrixTests
{
    [Fact]
    public void StringKeys_EmitterMapper_FoldReducer() =>
        Check(1, (r, n) => RandomInputs.Lines(r, n),
            inputs => Reference.Fold(inputs, l => PairCollector<string, int>.Collect(l, WordCountJob.Map), WordCountJob.Reduce),
            WordCountJob.Run, (i, o) => WordCountJob.RunAsync(i, o));

    [Fact]
    public void IntKeys_EnumerableMapper_FoldReducer_NonStaticClass() =>
        Check(2, (r, n) => RandomInputs.Numbers(r, n),
            inputs => Reference.Fold(inputs, ResidueSumJob.Map, ResidueSumJob.Reduce),
            ResidueSumJob.Run, (i, o) => ResidueSumJob.RunAsync(i, o));

    [Fact]
    public void LongKeys_EmitterMapper_SpanGroupReducer() =>
        Check(3, (r, n) => RandomInputs.Numbers(r, n),
            inputs => Reference.Group(
                inputs, x => PairCollector<long, int>.Collect(x, LongKeyGroupJob.Map), (k, v) => LongKeyGroupJob.Reduce(k, v)),
            LongKeyGroupJob.Run, (i, o) => LongKeyGroupJob.RunAsync(i, o));

    [Fact]
    public void EnumKeys_EnumerableMapper_ListGroupReducer_RecordResult() =>
        Check(4, (r, n) => RandomInputs.Numbers(r, n),
            inputs => Reference.Group(inputs, ColorSummaryJob.Map, (k, v) => ColorSummaryJob.Reduce(k, v)),
            ColorSummaryJob.Run, (i, o) => ColorSummaryJob.RunAsync(i, o));

    [Fact]
    public void RecordKeys_EmitterMapper_ListGroupReducer_NestedClass() =>
        Check(5, (r, n) => RandomInputs.Numbers(r, n),
            inputs => Reference.Group(
                inputs, x => PairCollector<Bucket, int>.Collect(x, Outer.BucketJob.Map), (k, v) => Outer.BucketJob.Reduce(k, v)),
            Outer.BucketJob.Run, (i, o) => Outer.BucketJob.RunAsync(i, o));

    [Fact]
    public void RecordStructKeys_EnumerableMapper_SpanGroupReducer_NestedStaticClass() =>
        Check(6, (r, n) => RandomInputs.Numbers(r, n),
            inputs => Reference.Group(inputs, Grid.CellJob.Map, (k, v) => Grid.CellJob.Reduce(k, v)),
            Grid.CellJob.Run, (i, o) => Grid.CellJob.RunAsync(i, o));

    [Fact]
    public void TupleKeys_EmitterMapper_FoldReducer_DoublyNested() =>
        Check(7, (r, n) => RandomInputs.Numbers(r, n),
            inputs => Reference.Fold(
                inputs, x => PairCollector<(int, string), long>.Collect(x, Grid.Inner.TupleMaxJob.Map), Grid.Inner.TupleMaxJob.Reduce),
            Grid.Inner.TupleMaxJob.Run, (i, o) => Grid.Inner.TupleMaxJob.RunAsync(i, o));

    [Fact]
    public void EquatableStructKeys_EnumerableMapper_FoldReducer() =>
        Check(8, (r, n) => RandomInputs.Numbers(r, n),
            inputs => Reference.Fold(inputs, PointCountJob.Map, PointCountJob.Reduce),
            PointCountJob.Run, (i, o) => PointCountJob.RunAsync(i, o));

    [Fact]
    public void StringKeys_EnumerableMapper_ListGroupReducer() =>
        Check(9, (r, n) => RandomInputs.Lines(r, n),
            inputs => Reference.Group(inputs, FirstWordJob.Map, (k, v) => FirstWordJob.Reduce(k, v)),
            FirstWordJob.Run, (i, o) => FirstWordJob.RunAsync(i, o));

    [Fact]
    public void NullOptionsUseDefaults()
    {
        int[] inputs = RandomInputs.Numbers(new Random(10), 500);
        Expected<int, long> expected = Reference.Fold(inputs, ResidueSumJob.Map, ResidueSumJob.Reduce);
        MapReduceResult<int, long> result = ResidueSumJob.Run(inputs);
        ResultAssert.Matches(expected, result, "default options");
        Assert.Equal(Math.Min(Environment.ProcessorCount, inputs.Length), result.Statistics.WorkerCount);
    }

    [Fact]
    public void StatisticsReportTheWorkersAndPartitionsUsed()
    {
        int[] inputs = RandomInputs.Numbers(new Random(11), 300);
        MapReduceResult<int, long> result = ResidueSumJob.Run(
            inputs, new MapReduceOptions { MaxDegreeOfParallelism = 3, PartitionCount = 7, ChunkSize = 5 });
        Assert.Equal(3, result.Statistics.WorkerCount);
        Assert.Equal(7, result.Statistics.PartitionCount);
        Assert.True(result.Statistics.TotalTime >= result.Statistics.MapTime);
        Assert.Equal(0, result.Statistics.BytesRead);
        Assert.Equal("MapReduceGen.Runtime.Tests.Jobs.ResidueSumJob", result.Statistics.JobName);
    }

    [Fact]
    public void AnInputSequenceIsEnumeratedExactlyOnce()
    {
        int enumerations = 0;
        int[] numbers = RandomInputs.Numbers(new Random(12), 200);
        IEnumerable<int> Counted()
        {
            Interlocked.Increment(ref enumerations);
            foreach (int n in numbers)
            {
                yield return n;
            }
        }

        MapReduceResult<int, long> result = ResidueSumJob.Run(
            Counted(), new MapReduceOptions { MaxDegreeOfParallelism = 4, ChunkSize = 7 });
        Assert.Equal(1, enumerations);
        ResultAssert.Matches(Reference.Fold(numbers, ResidueSumJob.Map, ResidueSumJob.Reduce), result, "lazy input");
    }

    private static void Check<TInput, TKey, TResult>(
        int salt,
        Func<Random, int, TInput[]> makeInputs,
        Func<TInput[], Expected<TKey, TResult>> reference,
        Func<IEnumerable<TInput>, MapReduceOptions?, MapReduceResult<TKey, TResult>> run,
        Func<IEnumerable<TInput>, MapReduceOptions?, Task<MapReduceResult<TKey, TResult>>> runAsync)
        where TKey : notnull
    {
        int runs = 0;
        foreach (OptionCase option in OptionMatrix.All(salt))
        {
            var random = new Random(option.Seed);
            TInput[] inputs = makeInputs(random, OptionMatrix.InputCount(random));
            Expected<TKey, TResult> expected = reference(inputs);
            IEnumerable<TInput> shaped = InputShapes.As(inputs, option.Shape);
            MapReduceResult<TKey, TResult> result = option.Seed % 5 == 0
                ? runAsync(shaped, option.ToOptions()).WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult()
                : run(shaped, option.ToOptions());
            ResultAssert.Matches(expected, result, $"{option}, {inputs.Length} inputs");
            runs++;
        }

        Assert.Equal(8 * OptionMatrix.PartitionCounts.Length * OptionMatrix.ChunkSizes.Length, runs);
    }
}
