using System.Runtime.CompilerServices;
using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Runner;

/// <summary>Jobs over <see cref="IAsyncEnumerable{T}"/> inputs: bounded buffering, failures, cancellation.</summary>
public sealed class AsyncSequenceTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public async Task An_async_sequence_gives_the_same_result_as_the_sequential_reference(int workers)
    {
        string[] lines = Enumerable.Range(0, 20_000).Select(i => $"w{i % 97} w{i % 13} x").ToArray();

        MapReduceResult<string, int> counts = await WordCountJob
            .RunAsync(Slowly(lines), new MapReduceOptions { MaxDegreeOfParallelism = workers })
            .WaitAsync(Bound);

        Dictionary<string, int> expected = lines.SelectMany(l => l.Split(' '))
            .GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(p => p.Key), counts.OrderBy(p => p.Key));
        Assert.Equal(lines.Length, counts.Statistics.InputsRead);
    }

    [Fact]
    public async Task A_grouping_job_runs_over_an_async_sequence()
    {
        string[] lines = ["a bb", "a c", "b"];

        MapReduceResult<string, string> result = await FirstWordJob.RunAsync(Slowly(lines)).WaitAsync(Bound);

        Assert.Equal("3,4", result["a"]);
        Assert.Equal("1", result["b"]);
    }

    [Fact]
    public async Task A_failing_sequence_fails_the_run_with_no_result()
    {
        var error = await Assert.ThrowsAsync<MapReduceException>(
            () => WordCountJob.RunAsync(FailsAfter(500)).WaitAsync(Bound));

        Assert.Equal(MapReducePhase.Map, error.Phase);
        Assert.Equal(500, error.InputIndex);
        Assert.IsType<InvalidDataException>(error.InnerException);
    }

    [Fact]
    public async Task A_failing_mapper_stops_the_producer_and_throws()
    {
        var error = await Assert.ThrowsAsync<MapReduceException>(
            () => BoomWordJob.RunAsync(Endless("boom")).WaitAsync(Bound));

        Assert.IsType<BadLineException>(error.InnerException);
    }

    [Fact]
    public async Task Cancelling_stops_an_endless_sequence()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => WordCountJob.RunAsync(Endless("a b"), cancellationToken: cancel.Token).WaitAsync(Bound));
    }

    private static async IAsyncEnumerable<string> Slowly(IEnumerable<string> lines)
    {
        int i = 0;
        foreach (string line in lines)
        {
            if (++i % 1000 == 0)
            {
                await Task.Yield();
            }

            yield return line;
        }
    }

    private static async IAsyncEnumerable<string> FailsAfter(int count)
    {
        for (int i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return "a b";
        }

        throw new InvalidDataException("the feed broke");
    }

    private static async IAsyncEnumerable<string> Endless(string line, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return line;
        }
    }
}
