using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Runner;

/// <summary>
/// Cancelling a run over an <see cref="IAsyncEnumerable{T}"/> cancels it, whatever the sequence is doing: even when it is
/// stuck producing the next input while busy mappers keep the buffer full, the run throws
/// <see cref="OperationCanceledException"/>, never a failure of the sequence (an asynchronous iterator cannot be disposed
/// while a <c>MoveNextAsync</c> is under way).
/// </summary>
public sealed class AsyncSequenceCancelTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Cancelling_while_the_sequence_is_stuck_and_the_buffer_full_cancels_the_run(int workers)
    {
        using var mapperBusy = new ManualResetEventSlim();
        using var releaseMappers = new ManualResetEventSlim();
        using var sequenceStuck = new ManualResetEventSlim();
        var unstick = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = new CancellationTokenSource();

        // Chunks of 2 inputs, a buffer of 2 chunks per worker: the first worker holds a chunk in a mapper that waits (the
        // others start only when it awaits), the buffer fills, and the producer holds the last input while the
        // sequence waits for something that ignores the run's token.
        int inputs = 2 + (2 * 2 * workers) + 1;
        async IAsyncEnumerable<FaultInput> Sequence()
        {
            for (int i = 0; i < inputs; i++)
            {
                yield return new FaultInput(i, 1, OnMap: () =>
                {
                    mapperBusy.Set();
                    releaseMappers.Wait(Bound);
                });
            }

            sequenceStuck.Set();
            await unstick.Task;
            yield return new FaultInput(-1, 1);
        }

        // Started on the pool: the run maps its first inputs on the thread that starts it, and those wait.
        Task<MapReduceResult<int, long>> run = Task.Run(() => FaultGroupJob.RunAsync(
            Sequence(), new MapReduceOptions { MaxDegreeOfParallelism = workers, ChunkSize = 2 }, cancel.Token));
        try
        {
            Assert.True(mapperBusy.Wait(Bound), "no mapper started");
            Assert.True(sequenceStuck.Wait(Bound), "the sequence did not reach its wait");
            cancel.Cancel();

            // Before the fix the producer failed at once, disposing the sequence under a pending MoveNextAsync; the
            // mappers are let go after it has had the chance to, so the run ends as the producer left it.
            await Task.Delay(200);
            releaseMappers.Set();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Bound));
        }
        finally
        {
            releaseMappers.Set();
            unstick.TrySetResult();
        }
    }
}
