using System.Diagnostics;
using CountWords;
using MapReduceGen;
using Sample.WordCount;

// countwords: the whole-process word-count harness (see docs/performance.md).
//   countwords [PATH|-] [--workers N] [--lines] [--expect FILE] [--stats]
// Reads PATH (or standard input), counts words under the countwords rules with MapReduceGen and prints
// "word count" lines, most frequent first, ties by word (bytewise UTF-8, which is code point order), sorted in bounded
// memory (the sample's CountOrderSorter).
HarnessOptions? parsed = HarnessOptions.Parse(args, out string? error);
if (parsed is null)
{
    Console.Error.WriteLine($"countwords: {error}");
    Console.Error.WriteLine(HarnessOptions.Usage);
    return 2;
}

HarnessOptions cli = parsed;
var clock = Stopwatch.StartNew();
var options = new MapReduceOptions();
if (cli.Workers > 0)
{
    options.MaxDegreeOfParallelism = cli.Workers;
}

// The counts come whole (a small file) or partition by partition into a sorter that holds at most a quarter of what
// the GC says the process may use (the run's own budget is half of it) and sorts the rest on disk, as sort(1) does:
// any number of distinct words.
using var sorter = new CountOrderSorter(Math.Max(CountOrderSorter.MinimumBudget, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4));
MapReduceStatistics? statistics = null;
try
{
    TextSource? file = cli.Path is null ? null : TextSource.FromFiles(cli.Path);
    if (file is not null && HeldInMemory.Fits(file, HeldInMemory.DefaultLimit))
    {
        MapReduceResult<string, int> result = Counting.Run(Counting.Input(file, cli.UseLines), options);
        foreach ((ReadOnlyMemory<byte> word, int count) in result.Utf8Entries())
        {
            sorter.Add(word.Span, count);
        }

        statistics = result.Statistics;
    }
    else
    {
        IAsyncEnumerable<MapReducePartition<string, int>> counts = file is null
            ? StandardInput.Count(cli.UseLines, options)
            : Counting.Stream(Counting.Input(file, cli.UseLines), options);
        foreach (MapReducePartition<string, int> part in counts.ToBlockingEnumerable())
        {
            foreach ((ReadOnlyMemory<byte> word, int count) in part.Utf8Entries())
            {
                sorter.Add(word.Span, count);
            }

            statistics = part.Statistics ?? statistics;
        }
    }
}
catch (TextSourceException ex)
{
    Console.Error.WriteLine($"countwords: {ex.Message}");
    return 2;
}

TimeSpan countTime = clock.Elapsed;
using StreamReader? expected = cli.Expect is null ? null : new StreamReader(cli.Expect);
var writer = new OutputWriter(Console.OpenStandardOutput(), expected);
sorter.WriteTo(ref writer);
writer.Complete();
TimeSpan writeTime = clock.Elapsed - countTime;
if (cli.Stats && statistics is { } s)
{
    Console.Error.WriteLine(
        $"countwords: {s.PairsEmitted} words, {s.DistinctKeys} distinct, {s.WorkerCount} workers, {s.PartitionCount} partitions; " +
        $"map {s.MapTime.TotalMilliseconds:F1} ms, reduce {s.ReduceTime.TotalMilliseconds:F1} ms, sort and write {writeTime.TotalMilliseconds:F1} ms, " +
        $"{s.BytesSpilled} bytes spilled by the run, {sorter.BytesSpilled} by the sort ({sorter.RunCount} runs), " +
        $"since process start {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds:F0} ms, " +
        $"total {clock.Elapsed.TotalMilliseconds:F1} ms, {GC.GetTotalAllocatedBytes() / 1024} KiB allocated, " +
        $"peak working set {PeakWorkingSetMiB()} MiB");
}

if (cli.Expect is not null)
{
    if (writer.Mismatch is { } mismatch)
    {
        Console.Error.WriteLine($"countwords: output differs from {cli.Expect}: {mismatch}");
        return 1;
    }

    Console.Error.WriteLine($"countwords: output matches {cli.Expect}");
}

return 0;

// The peak resident set (VmHWM) on Linux; elsewhere the current working set.
static long PeakWorkingSetMiB()
{
    try
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture) / 1024;
            }
        }
    }
    catch (IOException)
    {
    }

    return Environment.WorkingSet / (1024 * 1024);
}
