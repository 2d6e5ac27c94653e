namespace MapReduceGen.Engine.Local;

/// <summary>
/// Runs a body on several workers: the calling thread is worker 0 and the others are queued to the ThreadPool.
/// When the caller's own work is done it claims every worker the pool has not started yet, so a run never waits
/// for a pool thread that may never come (no deadlock when <c>Run</c> is called from a starved ThreadPool).
/// Bodies pull their work from shared state, so a claimed worker's share is done by the others.
/// </summary>
internal static class ParallelWorkers
{
    private const int NotStarted = 0;
    private const int Started = 1;
    private const int Claimed = 2;

    public static void Run(int workerCount, Action<int> body)
    {
        if (workerCount <= 1)
        {
            body(0);
            return;
        }

        var states = new int[workerCount];
        using var done = new CountdownEvent(workerCount - 1);
        Exception? crash = null;
        for (int i = 1; i < workerCount; i++)
        {
            int worker = i;
            ThreadPool.UnsafeQueueUserWorkItem(
                _ =>
                {
                    if (Interlocked.CompareExchange(ref states[worker], Started, NotStarted) != NotStarted)
                    {
                        return;
                    }

                    try
                    {
                        body(worker);
                    }
                    catch (Exception ex)
                    {
                        // Bodies report user failures themselves; this is a bug guard so Run still returns.
                        Interlocked.CompareExchange(ref crash, ex, null);
                    }
                    finally
                    {
                        done.Signal();
                    }
                },
                null);
        }

        try
        {
            body(0);
        }
        finally
        {
            for (int i = 1; i < workerCount; i++)
            {
                if (Interlocked.CompareExchange(ref states[i], Claimed, NotStarted) == NotStarted)
                {
                    done.Signal();
                }
            }

            done.Wait();
        }

        if (crash is not null)
        {
            throw new InvalidOperationException("A MapReduce worker failed unexpectedly.", crash);
        }
    }

    /// <summary>
    /// As <see cref="ForEach"/>, but on threads of their own (the caller waits for them): for bodies that may block
    /// until a consumer takes their output, which must not hold ThreadPool threads the consumer may need.
    /// </summary>
    public static void ForEachOnOwnThreads(int count, int workerCount, Func<bool> stop, Action<int> body)
    {
        int next = -1;
        Exception? crash = null;
        var threads = new Thread[Math.Max(1, Math.Min(workerCount, count))];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                try
                {
                    int index;
                    while (!stop() && (index = Interlocked.Increment(ref next)) < count)
                    {
                        body(index);
                    }
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref crash, ex, null);
                }
            })
            {
                IsBackground = true,
                Name = "MapReduceGen reduce",
            };
            threads[t].Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        if (crash is not null)
        {
            throw new InvalidOperationException("A MapReduce worker failed unexpectedly.", crash);
        }
    }

    /// <summary>
    /// Calls <paramref name="body"/> once for every index in <c>[0, count)</c>, on up to <paramref name="workerCount"/>
    /// workers that take indexes from a shared counter (so an index is never lost to a claimed worker), until the
    /// indexes run out or <paramref name="stop"/> says so.
    /// </summary>
    public static void ForEach(int count, int workerCount, Func<bool> stop, Action<int> body)
    {
        int next = -1;
        Run(Math.Max(1, Math.Min(workerCount, count)), _ =>
        {
            int index;
            while (!stop() && (index = Interlocked.Increment(ref next)) < count)
            {
                body(index);
            }
        });
    }
}
