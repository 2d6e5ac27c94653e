using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Errors;

/// <summary>
/// Run blocks its caller while workers run on the ThreadPool; called from pool threads of a saturated pool it must
/// still finish (the caller does the work of workers the pool never starts).
/// </summary>
[Collection(ThreadPoolCollection.Name)]
public sealed class ThreadPoolStarvationTests
{
    [Fact]
    public async Task SixtyFourConcurrentRunsFromPoolThreads_WithFewPoolThreads_AllComplete()
    {
        ThreadPool.GetMinThreads(out int minWorkers, out int minIo);
        ThreadPool.SetMinThreads(1, 1);
        try
        {
            int[] numbers = RandomInputs.Numbers(new Random(64), 3000);
            Expected<int, long> expected = Reference.Fold(numbers, ResidueSumJob.Map, ResidueSumJob.Reduce);
            Task<MapReduceResult<int, long>>[] runs = [.. Enumerable.Range(0, 64).Select(i => Task.Run(() =>
                ResidueSumJob.Run(
                    InputShapes.As(numbers, InputShapes.All[i % 4]),
                    new MapReduceOptions { MaxDegreeOfParallelism = 8, ChunkSize = 16 })))];

            MapReduceResult<int, long>[] results = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(60));

            foreach (MapReduceResult<int, long> result in results)
            {
                ResultAssert.Matches(expected, result, "concurrent run");
            }
        }
        finally
        {
            ThreadPool.SetMinThreads(minWorkers, minIo);
        }
    }

    [Fact]
    public async Task NestedRunInsideAMapperCompletes()
    {
        // A mapper that itself runs a job (blocking a worker thread on another run) must not deadlock either.
        string[] lines = [.. Enumerable.Range(0, 40).Select(i => "a b c " + i)];
        FaultInput[] inputs = [.. Enumerable.Range(0, 40).Select(i => new FaultInput(i % 4, i, () =>
        {
            MapReduceResult<string, int> inner = WordCountJob.Run(lines, new MapReduceOptions { MaxDegreeOfParallelism = 4 });
            if (inner["a"] != 40)
            {
                throw new InvalidOperationException("wrong inner result");
            }
        }))];

        MapReduceResult<int, Probe> result = await Bounded.Run(
            () => FaultFoldJob.Run(inputs, new MapReduceOptions { MaxDegreeOfParallelism = 8, ChunkSize = 1 }),
            TimeSpan.FromSeconds(60));

        Assert.Equal(4, result.Count);
    }
}
