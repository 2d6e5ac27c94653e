using System.Diagnostics;
using System.Globalization;
using MapReduceGen;
using MapReduceGen.Engine;

namespace TeraSort;

/// <summary>
/// <c>terasort gen N PATH</c>, <c>terasort sort INPUT OUTDIR</c>, <c>terasort validate INPUT OUTDIR</c>: TeraGen, TeraSort
/// and TeraValidate on MapReduceGen (bench/scenarios/terasort.sh runs them in a 1 GiB memory limit). Exit codes: 0 done (valid),
/// 1 failed (or invalid output), 2 usage.
/// </summary>
internal static class Program
{
    private const string Usage =
        """
        usage: terasort gen N PATH [--seed S]
                 writes N records of 100 bytes in gensort -a's ASCII format (10-character keys) to PATH
               terasort sort INPUT OUTDIR [--workers N] [--partitions P] [--budget BYTES]
                 sorts INPUT's records by key with a MapReduceGen job, a part file per key range in OUTDIR
                 (part-NNNNN.tsv, then _SUCCESS); statistics to standard error
               terasort validate INPUT OUTDIR
                 checks OUTDIR's part files are globally sorted and hold INPUT's records (count and checksum)
        """;

    private static async Task<int> Main(string[] args)
    {
        try
        {
            return args switch
            {
                ["gen", string count, string path, .. var rest] => Generate(count, path, Options(rest, "--seed")),
                ["sort", string input, string output, .. var rest] => await Sort(input, output, Options(rest, "--workers", "--partitions", "--budget")).ConfigureAwait(false),
                ["validate", string input, string output] => Validate(input, output),
                _ => throw new UsageException(null),
            };
        }
        catch (UsageException e)
        {
            if (e.Message.Length > 0)
            {
                Console.Error.WriteLine($"terasort: {e.Message}");
            }

            Console.Error.WriteLine(Usage);
            return 2;
        }
        catch (Exception e) when (e is MapReduceException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"terasort: {e.Message}");
            return 1;
        }
    }

    private static int Generate(string count, string path, Dictionary<string, string> options)
    {
        long records = Number(count, "N");
        ulong seed = options.TryGetValue("--seed", out string? s) ? (ulong)Number(s, "--seed") : TeraRecord.DefaultSeed;
        var clock = Stopwatch.StartNew();
        TeraRecord.Generate(path, records, seed);
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"gen: {records:N0} records ({records * TeraRecord.Length:N0} bytes) to {path} in {clock.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    private static async Task<int> Sort(string input, string output, Dictionary<string, string> arguments)
    {
        var options = new MapReduceOptions();
        if (arguments.TryGetValue("--workers", out string? workers))
        {
            options.MaxDegreeOfParallelism = (int)Number(workers, "--workers", 1, 4096);
        }

        if (arguments.TryGetValue("--partitions", out string? partitions))
        {
            options.PartitionCount = (int)Number(partitions, "--partitions", 1, MapReduceOptions.MaxPartitionCount);
        }

        if (arguments.TryGetValue("--budget", out string? budget))
        {
            options.MemoryBudget = Number(budget, "--budget", 1);
        }

        var clock = Stopwatch.StartNew();
        MapReduceFileOutput files = await MapReduceEngine.RunToFilesAsync(
            TeraSortJob.MapReduceJob.Definition, [JobInputs.Lines(TextSource.FromFiles(input))], TaskContext.Empty(), output,
            MapReduceFileFormat.Tsv, options).ConfigureAwait(false);
        TimeSpan elapsed = clock.Elapsed;
        MapReduceStatistics statistics = files.Statistics;
        long records = files.Files.Sum(f => f.Records);
        long defaultBudget = Math.Max(16L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2);
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"sort: records={records} seconds={elapsed.TotalSeconds:F1} map_seconds={statistics.MapTime.TotalSeconds:F1} " +
            $"reduce_seconds={statistics.ReduceTime.TotalSeconds:F1} bytes_spilled={statistics.BytesSpilled} " +
            $"peak_rss_mib={PeakResidentMiB()} budget_bytes={(options.MemoryBudget > 0 ? options.MemoryBudget : defaultBudget)} " +
            $"workers={statistics.WorkerCount} partitions={statistics.PartitionCount} files={files.Files.Count}"));
        return 0;
    }

    private static int Validate(string input, string output)
    {
        var clock = Stopwatch.StartNew();
        TeraValidation validation = TeraValidate.Validate(input, output);
        Console.WriteLine(validation.Message);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validate: {clock.Elapsed.TotalSeconds:F1} s"));
        return validation.Ok ? 0 : 1;
    }

    // The process's peak resident set (VmHWM of /proc/self/status), in MiB; "n/a" where there is none.
    private static string PeakResidentMiB()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    long kib = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
                    return (kib >> 10).ToString(CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            // Not Linux: no figure.
        }

        return "n/a";
    }

    private static Dictionary<string, string> Options(string[] rest, params string[] known)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < rest.Length; i += 2)
        {
            if (!known.Contains(rest[i]) || i + 1 >= rest.Length)
            {
                throw new UsageException(i + 1 >= rest.Length && known.Contains(rest[i]) ? $"{rest[i]} needs a value" : $"unknown argument '{rest[i]}'");
            }

            options[rest[i]] = rest[i + 1];
        }

        return options;
    }

    private static long Number(string text, string name, long minimum = 0, long maximum = long.MaxValue) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value >= minimum && value <= maximum
            ? value
            : throw new UsageException($"{name} must be a whole number from {minimum} to {maximum}, not '{text}'");

    private sealed class UsageException(string? message) : Exception(message ?? "");
}
