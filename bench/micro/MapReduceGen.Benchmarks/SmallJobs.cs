using System.Diagnostics;
using System.Globalization;

namespace MapReduceGen.Benchmarks;

/// <summary>A link of the small-job suite: a page that links to another.</summary>
public readonly record struct Link(int From, int To);

/// <summary>Reverse links (a grouping job): every page to the pages that link to it.</summary>
public static partial class ReverseLinksJob
{
    /// <summary>Emits (target, source).</summary>
    [Mapper]
    public static void Map(Link link, Emitter<int, int> emit) => emit.Emit(link.To, link.From);

    /// <summary>The sources of one target.</summary>
    [Reducer]
    public static int[] Reduce(int target, ReadOnlySpan<int> sources) => sources.ToArray();
}

/// <summary>The same job with its keys sorted (<c>SortByKey</c>).</summary>
public static partial class SortedReverseLinksJob
{
    /// <summary>Emits (target, source).</summary>
    [Mapper]
    public static void Map(Link link, Emitter<int, int> emit) => emit.Emit(link.To, link.From);

    /// <summary>The sources of one target.</summary>
    [Reducer(SortByKey = true)]
    public static int[] Reduce(int target, ReadOnlySpan<int> sources) => sources.ToArray();
}

/// <summary>A count per key (a fold job) over a small input.</summary>
public static partial class SmallCountJob
{
    /// <summary>Emits (target, 1).</summary>
    [Mapper]
    public static void Map(Link link, Emitter<int, int> emit) => emit.Emit(link.To, 1);

    /// <summary>Adds counts.</summary>
    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}

/// <summary>
/// Small jobs (200,000 pairs) against the LINQ a user would write on one thread: CPU time per run (every thread of the
/// process), medians of interleaved rounds. <c>dotnet run -c Release -- small [ROUNDS]</c>.
/// </summary>
public static class SmallJobs
{
    /// <summary>Runs one job (job, job-sorted, fold-job) over and over (for a profiler).</summary>
    public static void Loop(string job, int runs, int workers)
    {
        Link[] links = MakeLinks();
        var options = new MapReduceOptions { MaxDegreeOfParallelism = workers };
        for (int i = 0; i < runs; i++)
        {
            _ = job switch
            {
                "job" => ReverseLinksJob.Run(links, options).Count,
                "job-sorted" => SortedReverseLinksJob.Run(links, options).Count,
                _ => SmallCountJob.Run(links, options).Count,
            };
        }
    }

    /// <summary>
    /// One variant, once, in a fresh process (as a new user runs a job: the JIT compiles what it runs): prints its time
    /// and the process's CPU time so far. Variants: linq, linq-sorted, job, job-sorted, fold-linq, fold-job.
    /// </summary>
    public static int Once(string variant)
    {
        Link[] links = MakeLinks();
        long start = Stopwatch.GetTimestamp();
        int count = variant switch
        {
            "linq" => links.GroupBy(l => l.To, l => l.From).ToDictionary(g => g.Key, g => g.ToArray()).Count,
            "linq-sorted" => links.GroupBy(l => l.To, l => l.From).OrderBy(g => g.Key).Select(g => (g.Key, g.ToArray())).ToList().Count,
            "job" => ReverseLinksJob.Run(links).Count,
            "job-sorted" => SortedReverseLinksJob.Run(links).Count,
            "fold-linq" => links.GroupBy(l => l.To).ToDictionary(g => g.Key, g => g.Count()).Count,
            "fold-job" => SmallCountJob.Run(links).Count,
            _ => -1,
        };
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{variant}: {count} keys, {elapsed.TotalMilliseconds:F1} ms, process CPU {process.TotalProcessorTime.TotalMilliseconds:F0} ms"));
        return count < 0 ? 2 : 0;
    }

    private static Link[] MakeLinks()
    {
        var random = new Random(42);
        Link[] links = new Link[200_000];
        for (int i = 0; i < links.Length; i++)
        {
            links[i] = new Link(random.Next(50_000), random.Next(50_000));
        }

        return links;
    }

    public static void Run(int rounds)
    {
        Link[] links = MakeLinks();
        RunSuites(links, rounds);
    }

    private static void RunSuites(Link[] links, int rounds)
    {
        Measure("reverse links (grouping), 200,000 links", rounds,
        [
            ("LINQ GroupBy, 1 thread", () => links.GroupBy(l => l.To, l => l.From).ToDictionary(g => g.Key, g => g.ToArray()).Count),
            ("generated job", () => ReverseLinksJob.Run(links).Count),
            ("generated job, 1 worker", () => ReverseLinksJob.Run(links, new MapReduceOptions { MaxDegreeOfParallelism = 1 }).Count),
        ]);
        Measure("reverse links sorted by key, 200,000 links", rounds,
        [
            ("LINQ GroupBy + OrderBy, 1 thread", () => links.GroupBy(l => l.To, l => l.From).OrderBy(g => g.Key).Select(g => (g.Key, g.ToArray())).ToList().Count),
            ("generated job (SortByKey)", () => SortedReverseLinksJob.Run(links).Count),
            ("generated job, unsorted", () => ReverseLinksJob.Run(links).Count),
        ]);
        Measure("count per key (fold), 200,000 pairs", rounds,
        [
            ("LINQ GroupBy count, 1 thread", () => links.GroupBy(l => l.To).ToDictionary(g => g.Key, g => g.Count()).Count),
            ("Dictionary loop, 1 thread", () =>
            {
                var counts = new Dictionary<int, int>();
                foreach (Link l in links)
                {
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, l.To, out _)++;
                }

                return counts.Count;
            }),
            ("generated job", () => SmallCountJob.Run(links).Count),
        ]);
    }

    /// <summary>Sum and max per int key (the numeric suite, 2 workers) against its open-addressing baseline, in CPU time.</summary>
    public static void RunNumeric(int rounds)
    {
        var numeric = new NumericBenchmarks { Workers = 2 };
        numeric.Setup();
        Measure("sum and max per int key, 2 workers", rounds,
        [
            ("open addressing", numeric.FastHandWritten),
            ("generated job", numeric.Generated),
        ]);
    }

    private static void Measure(string title, int rounds, (string Name, Func<int> Body)[] variants)
    {
        var cpu = new List<double>[variants.Length];
        var wall = new List<double>[variants.Length];
        for (int v = 0; v < variants.Length; v++)
        {
            cpu[v] = [];
            wall[v] = [];
            for (int i = 0; i < 5; i++)
            {
                variants[v].Body();
            }
        }

        using var process = Process.GetCurrentProcess();
        for (int round = 0; round < rounds; round++)
        {
            for (int v = 0; v < variants.Length; v++)
            {
                GC.Collect();
                process.Refresh();
                TimeSpan before = process.TotalProcessorTime;
                long start = Stopwatch.GetTimestamp();
                variants[v].Body();
                TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
                process.Refresh();
                cpu[v].Add((process.TotalProcessorTime - before).TotalMilliseconds);
                wall[v].Add(elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"{title} (load {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
        double baseCpu = Median(cpu[0]);
        for (int v = 0; v < variants.Length; v++)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {variants[v].Name,-34} CPU {Median(cpu[v]),7:F1} ms  wall {Median(wall[v]),7:F1} ms  CPU / first {Median(cpu[v]) / baseCpu:F2}"));
        }
    }

    private static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted[sorted.Length / 2];
    }
}
