using System.Collections.Concurrent;

namespace MapReduceGen;

/// <summary>
/// Runs a job over an <see cref="IAsyncEnumerable{T}"/>: a producer awaits the sequence and fills a bounded buffer
/// that the (synchronous) workers drain as an ordinary sequence, so slow asynchronous inputs never block a worker
/// thread on I/O and memory stays bounded. A failure of the sequence fails the run; a failure of the run stops the
/// producer.
/// </summary>
internal static class AsyncSequenceBridge
{
    private const int BufferCapacity = 4096;

    public static async Task<MapReduceResult<TKey, TResult>> RunAsync<TInput, TKey, TResult>(
        string jobName,
        IAsyncEnumerable<TInput> inputs,
        Func<IEnumerable<TInput>, CancellationToken, MapReduceResult<TKey, TResult>> run,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var buffer = new BlockingCollection<TInput>(BufferCapacity);
        long produced = 0;
        Task producer = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (TInput input in inputs.WithCancellation(stop.Token).ConfigureAwait(false))
                    {
                        buffer.Add(input, stop.Token);
                        produced++;
                    }
                }
                finally
                {
                    buffer.CompleteAdding();
                }
            },
            CancellationToken.None);

        MapReduceResult<TKey, TResult> result;
        try
        {
            result = await Task.Run(() => run(Drain(buffer, stop.Token), cancellationToken), cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await ObserveAsync(producer).ConfigureAwait(false);
            throw;
        }

        try
        {
            await producer.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The sequence failed: what was mapped is only part of the input, so no result.
            throw MapReduceException.ForSource(jobName, produced, ex);
        }

        return result;
    }

    private static IEnumerable<TInput> Drain<TInput>(BlockingCollection<TInput> buffer, CancellationToken stop)
    {
        IEnumerator<TInput> items;
        try
        {
            items = buffer.GetConsumingEnumerable(stop).GetEnumerator();
        }
        catch (OperationCanceledException)
        {
            yield break;
        }

        while (true)
        {
            try
            {
                if (!items.MoveNext())
                {
                    yield break;
                }
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            yield return items.Current;
        }
    }

    private static async Task ObserveAsync(Task producer)
    {
        try
        {
            await producer.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The run's own failure is the one reported.
        }
    }
}
