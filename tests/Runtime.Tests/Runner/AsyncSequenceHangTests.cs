using System.Diagnostics;
using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Runner;

/// <summary>
/// A run over an asynchronous sequence never hangs: not on a pool with very few threads (its workers await, they do not
/// block pool threads), and not when the sequence ignores cancellation or stops producing (a cancelled or failed run
/// returns without waiting for it). Bounds here catch hangs; they are not timings.
/// </summary>
public sealed class AsyncSequenceHangTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(2, 1, 2)]
    [InlineData(8, 4, 8)]
    public async Task Runs_complete_on_a_pool_of_few_threads(int threads, int runs, int workers)
    {
        // In a process of its own: this test host's threads already hold pool threads.
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ThreadPoolProbe.dll"));
        foreach (int value in new[] { threads, runs, workers })
        {
            start.ArgumentList.Add(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using Process probe = Process.Start(start)!;
        Task<string> output = probe.StandardOutput.ReadToEndAsync();
        Task<string> error = probe.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        bool exited = true;
        try
        {
            await probe.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            exited = false;
            probe.Kill(entireProcessTree: true);
        }

        Assert.True(exited, $"{runs} run(s) on a pool of {threads} threads did not finish (a deadlock)");
        Assert.Equal(0, probe.ExitCode);
        Assert.Equal("ok", (await output).Trim());
        Assert.Equal("", await error);
    }

    [Fact]
    public async Task Cancelling_returns_at_once_even_when_the_sequence_ignores_its_token()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => WordCountJob.RunAsync(StuckAfter(100), cancellationToken: cancel.Token).WaitAsync(Bound));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"cancelled after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_failing_mapper_ends_the_run_even_when_the_sequence_is_stuck()
    {
        var error = await Assert.ThrowsAsync<MapReduceException>(
            () => BoomWordJob.RunAsync(BoomThenStuck()).WaitAsync(Bound));

        Assert.IsType<BadLineException>(error.InnerException);
    }

    // No [EnumeratorCancellation]: the token never reaches it, and after `count` lines it waits forever.
    private static async IAsyncEnumerable<string> StuckAfter(int count)
    {
        for (int i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return "a b";
        }

        await Task.Delay(Timeout.Infinite);
        yield return "never";
    }

    private static async IAsyncEnumerable<string> BoomThenStuck()
    {
        yield return "a b";
        await Task.Yield();
        yield return "x boom";
        await Task.Delay(Timeout.Infinite);
        yield return "never";
    }
}
