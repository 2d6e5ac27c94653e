using System.Diagnostics;
using CountWords;
using MapReduceGen;

// countwords: the whole-process word-count harness (see docs/performance.md).
//   countwords [PATH|-] [--workers N] [--lines] [--expect FILE] [--stats]
// Reads PATH (or standard input), counts words under the countwords rules with MapReduceGen and prints
// "word count" lines, most frequent first, ties by word (bytewise UTF-8, which is code point order).
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

MapReduceResult<string, int> counts;
try
{
    counts = cli.Path is null
        ? StandardInput.Count(cli.UseLines, options)
        : Count(TextSource.FromFiles(cli.Path), cli.UseLines, options);
}
catch (TextSourceException ex)
{
    Console.Error.WriteLine($"countwords: {ex.Message}");
    return 2;
}

TimeSpan countTime = clock.Elapsed;
OutputWriter.Line[] sorted = OutputWriter.SortByCount(counts);
TimeSpan sortTime = clock.Elapsed - countTime;
using (Stream output = Console.OpenStandardOutput())
{
    OutputWriter.Write(output, sorted);
}

TimeSpan writeTime = clock.Elapsed - countTime - sortTime;
if (cli.Stats)
{
    MapReduceStatistics s = counts.Statistics;
    Console.Error.WriteLine(
        $"countwords: {s.PairsEmitted} words, {s.DistinctKeys} distinct, {s.WorkerCount} workers, {s.PartitionCount} partitions; " +
        $"map {s.MapTime.TotalMilliseconds:F1} ms, reduce {s.ReduceTime.TotalMilliseconds:F1} ms, sort {sortTime.TotalMilliseconds:F1} ms, write {writeTime.TotalMilliseconds:F1} ms, " +
        $"since process start {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds:F0} ms, " +
        $"total {clock.Elapsed.TotalMilliseconds:F1} ms, {GC.GetTotalAllocatedBytes() / 1024} KiB allocated, " +
        $"peak working set {PeakWorkingSetMiB()} MiB");
}

if (cli.Expect is not null)
{
    string? mismatch = OutputWriter.Compare(sorted, cli.Expect);
    if (mismatch is not null)
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

static MapReduceResult<string, int> Count(TextSource source, bool useLines, MapReduceOptions options) =>
    useLines
        ? CountWordsJob.Run(source, options)
        : CountWordsJob.RunUtf8(source, options);
