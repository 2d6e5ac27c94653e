using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace MapReduceGen.Benchmarks;

/// <summary>Sum and max per integer key over 4 million readings of 100,000 keys (Zipf-skewed, deterministic).</summary>
[Config(typeof(SuiteConfig))]
public class NumericBenchmarks
{
    private const int Count = 4_000_000;
    private const int Keys = 100_000;
    private Reading[] _readings = [];

    [Params(2)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _readings = new Reading[Count];
        for (int i = 0; i < Count; i++)
        {
            // Skewed keys: small keys are frequent.
            int key = (int)(Keys * Math.Pow(random.NextDouble(), 3));
            _readings[i] = new Reading(key, random.Next(1_000_000));
        }

        Check();
    }

    [Benchmark(Description = "generated job")]
    public int Generated() =>
        SumMaxJob.Run(_readings, new MapReduceOptions { MaxDegreeOfParallelism = Workers }).Count;

    /// <summary>The fastest hand-written code found: per-thread open-addressing int tables, then a merge (<see cref="FastBaselines"/>).</summary>
    [Benchmark(Baseline = true, Description = "hand-written, open addressing")]
    public int FastHandWritten() => FastBaselines.SumMax(_readings, Workers).Count;

    [Benchmark(Description = "hand-written, Dictionary")]
    public int HandWritten()
    {
        int workers = Workers;
        var partials = new Dictionary<int, SumMax>[workers];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var totals = new Dictionary<int, SumMax>();
            int start = (int)((long)_readings.Length * w / workers);
            int end = (int)((long)_readings.Length * (w + 1) / workers);
            for (int i = start; i < end; i++)
            {
                Reading reading = _readings[i];
                Add(totals, reading.Key, new SumMax(reading.Value, reading.Value));
            }

            partials[w] = totals;
        });

        Dictionary<int, SumMax> result = partials.MaxBy(d => d.Count)!;
        foreach (Dictionary<int, SumMax> partial in partials)
        {
            if (!ReferenceEquals(partial, result))
            {
                foreach (KeyValuePair<int, SumMax> pair in partial)
                {
                    Add(result, pair.Key, pair.Value);
                }
            }
        }

        return result.Count;
    }

    [Benchmark(Description = "PLINQ GroupBy")]
    public int PlinqGroupBy() =>
        _readings.AsParallel().WithDegreeOfParallelism(Workers)
            .GroupBy(reading => reading.Key)
            .ToDictionary(group => group.Key, group => new SumMax(group.Sum(r => (long)r.Value), group.Max(r => r.Value)))
            .Count;

    [Benchmark(Description = "PLINQ Aggregate")]
    public int PlinqAggregate() =>
        _readings.AsParallel().WithDegreeOfParallelism(Workers)
            .Aggregate(
                () => new Dictionary<int, SumMax>(),
                (totals, reading) =>
                {
                    Add(totals, reading.Key, new SumMax(reading.Value, reading.Value));
                    return totals;
                },
                (into, from) =>
                {
                    foreach (KeyValuePair<int, SumMax> pair in from)
                    {
                        Add(into, pair.Key, pair.Value);
                    }

                    return into;
                },
                totals => totals)
            .Count;

    [Benchmark(Description = "sequential")]
    public int Sequential()
    {
        var totals = new Dictionary<int, SumMax>();
        foreach (Reading reading in _readings)
        {
            Add(totals, reading.Key, new SumMax(reading.Value, reading.Value));
        }

        return totals.Count;
    }

    // The open-addressing baseline must give what the generated job gives.
    private void Check()
    {
        MapReduceResult<int, SumMax> expected = SumMaxJob.Run(_readings, new MapReduceOptions { MaxDegreeOfParallelism = Workers });
        IntSumMaxTable actual = FastBaselines.SumMax(_readings, Workers);
        if (actual.Count != expected.Count)
        {
            throw new InvalidOperationException($"open-addressing sum and max: {actual.Count} keys, expected {expected.Count}");
        }

        foreach (KeyValuePair<int, SumMax> pair in actual.Entries())
        {
            if (!expected.TryGetValue(pair.Key, out SumMax value) || value != pair.Value)
            {
                throw new InvalidOperationException($"open-addressing sum and max: wrong value for key {pair.Key}");
            }
        }
    }

    private static void Add(Dictionary<int, SumMax> totals, int key, SumMax value)
    {
        ref SumMax slot = ref CollectionsMarshal.GetValueRefOrAddDefault(totals, key, out bool exists);
        slot = exists ? SumMax.Combine(slot, value) : value;
    }
}
