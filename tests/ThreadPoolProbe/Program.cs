using MapReduceGen;
using ThreadPoolProbe;

// ThreadPoolProbe THREADS RUNS WORKERS
// Limits the ThreadPool to THREADS threads, then runs RUNS word counts at once over asynchronous sequences with WORKERS
// workers each; prints "ok" when every count is right. A deadlock shows as a process that never exits (the test's
// timeout), never as a wrong answer.
int threads = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
int runs = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
int workers = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
if (!ThreadPool.SetMinThreads(1, 1) || !ThreadPool.SetMaxThreads(threads, threads))
{
    Console.Error.WriteLine($"cannot limit the pool to {threads} threads");
    return 2;
}

string[] lines = [.. Enumerable.Range(0, 5_000).Select(i => $"w{i % 31} x")];
Task<MapReduceResult<string, int>>[] all = [.. Enumerable.Range(0, runs).Select(_ => WordCount.RunAsync(
    Yielding(lines), new MapReduceOptions { MaxDegreeOfParallelism = workers, ChunkSize = 16 }))];
MapReduceResult<string, int>[] results = await Task.WhenAll(all);
foreach (MapReduceResult<string, int> counts in results)
{
    if (counts["x"] != lines.Length || counts["w0"] != (lines.Length + 30) / 31)
    {
        Console.Error.WriteLine("wrong counts");
        return 1;
    }
}

Console.WriteLine("ok");
return 0;

static async IAsyncEnumerable<string> Yielding(IEnumerable<string> lines)
{
    foreach (string line in lines)
    {
        await Task.Yield();
        yield return line;
    }
}
