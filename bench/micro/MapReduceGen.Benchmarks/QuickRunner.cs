using System.Diagnostics;
using System.Globalization;

namespace MapReduceGen.Benchmarks;

/// <summary>
/// A quick check on a busy machine: runs the word count variants interleaved, round after round, and prints each
/// one's median time and allocated bytes per run and its ratio to the hand-written baseline. Interleaving exposes
/// every variant to the same background load; BenchmarkDotNet's numbers are the reference.
/// </summary>
public static class QuickRunner
{
    public static void Run(int rounds, string? only = null)
    {
        Console.WriteLine($"input: {BenchmarkInput.Lines.Length:N0} lines, {BenchmarkInput.Description}");
        if (only == "numeric")
        {
            RunNumeric(rounds);
            return;
        }

        foreach (int workers in new[] { 1, 2 })
        {
            var suite = new WordCountBenchmarks { Workers = workers };
            suite.Setup();
            Measure($"word count, {workers} worker(s)", rounds,
            [
                ("generated job", suite.Generated),
                ("hand-written", suite.HandWritten),
                ("PLINQ Aggregate", suite.PlinqAggregate),
                ("sequential", suite.Sequential),
                ("PLINQ GroupBy", suite.PlinqGroupBy),
            ]);
            MapReduceStatistics stats = WordCountJob.Run(suite.Lines, new MapReduceOptions { MaxDegreeOfParallelism = workers }).Statistics;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  generated job, one more run: map {stats.MapTime.TotalMilliseconds:F1} ms, reduce {stats.ReduceTime.TotalMilliseconds:F1} ms, total {stats.TotalTime.TotalMilliseconds:F1} ms, {stats.PartitionCount} partitions"));
        }

        var index = new InvertedIndexBenchmarks { Workers = 2 };
        index.Setup();
        Measure("inverted index, 2 workers", rounds,
        [
            ("generated job", index.Generated),
            ("hand-written", index.HandWritten),
            ("PLINQ Aggregate", index.PlinqAggregate),
            ("sequential", index.Sequential),
            ("open addressing", index.FastHandWritten),
            ("PLINQ GroupBy", index.PlinqGroupBy),
        ]);

        RunNumeric(rounds);
    }

    private static void RunNumeric(int rounds)
    {
        var numeric = new NumericBenchmarks { Workers = 2 };
        numeric.Setup();
        Measure("sum and max per key, 2 workers", rounds,
        [
            ("generated job", numeric.Generated),
            ("hand-written", numeric.HandWritten),
            ("PLINQ Aggregate", numeric.PlinqAggregate),
            ("sequential", numeric.Sequential),
            ("open addressing", numeric.FastHandWritten),
            ("PLINQ GroupBy", numeric.PlinqGroupBy),
        ]);
    }

    // Runs the variants interleaved, round after round (the last, slow one every third round); prints medians and
    // ratios to the second variant (the hand-written baseline).
    private static void Measure(string title, int rounds, (string Name, Func<int> Body)[] variants)
    {
        var times = new List<double>[variants.Length];
        var bytes = new long[variants.Length];
        for (int v = 0; v < variants.Length; v++)
        {
            times[v] = [];
            variants[v].Body(); // warm up
            variants[v].Body();
        }

        for (int round = 0; round < rounds; round++)
        {
            for (int v = 0; v < variants.Length; v++)
            {
                if (v == variants.Length - 1 && round % 3 != 0)
                {
                    continue;
                }

                long before = GC.GetTotalAllocatedBytes(precise: true);
                long start = Stopwatch.GetTimestamp();
                variants[v].Body();
                times[v].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                bytes[v] = GC.GetTotalAllocatedBytes(precise: true) - before;
            }
        }

        double baseline = Median(times[1]);
        Console.WriteLine($"{title}, medians of {rounds} interleaved rounds:");
        for (int v = 0; v < variants.Length; v++)
        {
            double median = Median(times[v]);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {variants[v].Name,-16} {median,9:F1} ms  {median / baseline,6:F2}x  {bytes[v] / 1024.0,12:N0} KiB"));
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
