using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace MapReduceGen.Benchmarks;

/// <summary>Word count over the lines of a text: generated job, hand-written C#, PLINQ, sequential loop.</summary>
[Config(typeof(SuiteConfig))]
public class WordCountBenchmarks
{
    private string[] _lines = [];

    [Params(1, 2)]
    public int Workers { get; set; }

    /// <summary>The input lines (after <see cref="Setup"/>).</summary>
    public string[] Lines => _lines;

    [GlobalSetup]
    public void Setup() => _lines = BenchmarkInput.Lines;

    [Benchmark(Description = "generated job")]
    public int Generated() =>
        WordCountJob.Run(_lines, new MapReduceOptions { MaxDegreeOfParallelism = Workers }).Count;

    [Benchmark(Baseline = true, Description = "hand-written")]
    public int HandWritten() => HandWrittenCount(_lines, Workers).Count;

    [Benchmark(Description = "PLINQ GroupBy")]
    public int PlinqGroupBy() =>
        _lines.AsParallel().WithDegreeOfParallelism(Workers)
            .SelectMany(Words.Split)
            .GroupBy(word => word, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal)
            .Count;

    [Benchmark(Description = "PLINQ Aggregate")]
    public int PlinqAggregate() =>
        _lines.AsParallel().WithDegreeOfParallelism(Workers)
            .Aggregate(
                () => new Dictionary<string, int>(),
                (counts, line) =>
                {
                    CountLine(counts.GetAlternateLookup<ReadOnlySpan<char>>(), line);
                    return counts;
                },
                Merge,
                counts => counts)
            .Count;

    [Benchmark(Description = "sequential")]
    public int Sequential()
    {
        var counts = new Dictionary<string, int>();
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (string line in _lines)
        {
            CountLine(lookup, line);
        }

        return counts.Count;
    }

    /// <summary>
    /// The best hand-written C# found for the task: one Dictionary per thread over a contiguous range of lines, words
    /// looked up by span (alternate lookup) and counted through CollectionsMarshal.GetValueRefOrAddDefault (a string is
    /// allocated only for a new word), then the smaller dictionaries merged into the largest.
    /// </summary>
    public static Dictionary<string, int> HandWrittenCount(string[] lines, int workers)
    {
        var partials = new Dictionary<string, int>[workers];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var counts = new Dictionary<string, int>();
            var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
            int start = (int)((long)lines.Length * w / workers);
            int end = (int)((long)lines.Length * (w + 1) / workers);
            for (int i = start; i < end; i++)
            {
                CountLine(lookup, lines[i]);
            }

            partials[w] = counts;
        });

        Dictionary<string, int> result = partials.MaxBy(d => d.Count)!;
        foreach (Dictionary<string, int> partial in partials)
        {
            if (!ReferenceEquals(partial, result))
            {
                Merge(result, partial);
            }
        }

        return result;
    }

    private static void CountLine(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup, string line)
    {
        var sink = new CountSink(lookup);
        Words.ForEach(line, ref sink);
    }

    private static Dictionary<string, int> Merge(Dictionary<string, int> into, Dictionary<string, int> from)
    {
        foreach (KeyValuePair<string, int> pair in from)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(into, pair.Key, out _) += pair.Value;
        }

        return into;
    }

    private readonly struct CountSink(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup) : IWordSink
    {
        public void Word(scoped ReadOnlySpan<char> word) => CollectionsMarshal.GetValueRefOrAddDefault(lookup, word, out _)++;
    }
}
