using System.Text;
using MapReduceGen;
using Package.Consumer.Data;
using Package.Consumer.Jobs;

namespace Package.Consumer;

/// <summary>
/// Runs every consumer job (every mapper and reducer shape the package supports) on generated data and compares
/// the results with <see cref="Expected"/>. Each check returns <see langword="null"/> when it passes, or what went
/// wrong. The same checks run in the JIT program and in its Native AOT build.
/// </summary>
internal static class ConsumerChecks
{
    private static readonly string[] Lines = ConsumerData.Lines(5_000, seed: 11);

    /// <summary>The checks by name.</summary>
    public static IReadOnlyList<(string Name, Func<string?> Check)> All { get; } =
    [
        ("string key fold, emitter mapper with span keys", WordFrequencyMatches),
        ("string key fold on workers and partitions", WordFrequencyMatchesForEveryLayout),
        ("Top(n): most frequent first, ties ordinal", TopWordsMatch),
        ("text files through TextSource", WordFrequencyOverFilesMatches),
        ("record struct key grouping, span reducer", SalesMatch),
        ("enumerable mapper, char key fold", CharacterHistogramMatches),
        ("enumerable mapper, list reducer", WordsByLengthMatches),
        ("tuple key with enum, RunAsync", IncidentCountMatches),
        ("mapper failure is a MapReduceException", MapperFailureIsReported),
        ("cancellation throws OperationCanceledException", CancellationIsReported),
        ("parameters, counters, combiner and finishing reducer, sorted keys", LetterMeansMatch),
        ("two inputs, records, secondary sort, output order", RegionJoinMatches),
    ];

    private static string? LetterMeansMatch()
    {
        var options = new MapReduceOptions { MaxDegreeOfParallelism = 3, PartitionCount = 4 };
        MapReduceResult<char, double> result = LetterMeanJob.Run(Lines, 3, options);
        var words = Lines.SelectMany(l => l.Split([' ', '\t', ',', '.', ';', '-', '\'', '_'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 3)
            .ToList();
        var expected = words.GroupBy(w => char.ToLowerInvariant(w[0])).OrderBy(g => g.Key)
            .Select(g => new KeyValuePair<char, double>(g.Key, (double)g.Sum(w => (long)w.Length) / g.Count())).ToList();
        if (!result.SequenceEqual(expected))
        {
            return $"expected [{string.Join(", ", expected)}], got [{string.Join(", ", result)}]";
        }

        return result.Statistics.Counters.TryGetValue("words", out long counted) && counted == words.Count
            ? null
            : $"counted {counted} words, not {words.Count}";
    }

    private static string? RegionJoinMatches()
    {
        Sale[] sales = ConsumerData.Sales(5_000, seed: 9);
        string[] regions = ["north", "east", "Süd", "atlantis"];
        var result = RegionJoinJob.Run(regions, sales, new MapReduceOptions { MaxDegreeOfParallelism = 2, PartitionCount = 3 });
        var expected = regions
            .Select(r => (Region: r, Total: sales.Where(s => s.Region == r).Sum(s => s.Amount)))
            .OrderByDescending(r => r.Total).ThenBy(r => r.Region, StringComparer.Ordinal)
            .ToList();
        return result.SequenceEqual(expected)
            ? null
            : $"expected [{string.Join(", ", expected)}], got [{string.Join(", ", result)}]";
    }

    private static string? WordFrequencyMatches() =>
        ResultDifference.Describe(WordFrequencyJob.Run(Lines), Expected.WordFrequency(Lines));

    private static string? WordFrequencyMatchesForEveryLayout()
    {
        var expected = Expected.WordFrequency(Lines);
        foreach (int workers in (int[])[1, 2, 4])
        {
            foreach (int partitions in (int[])[1, 7])
            {
                var options = new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions, ChunkSize = 64 };
                if (ResultDifference.Describe(WordFrequencyJob.Run(Lines, options), expected) is string difference)
                {
                    return $"{workers} workers, {partitions} partitions: {difference}";
                }
            }
        }

        return null;
    }

    private static string? TopWordsMatch()
    {
        var top = WordFrequencyJob.Run(Lines).Top(8);
        var expected = Expected.TopWords(Expected.WordFrequency(Lines), 8);
        return top.SequenceEqual(expected)
            ? null
            : $"expected [{string.Join(", ", expected)}], got [{string.Join(", ", top)}]";
    }

    private static string? WordFrequencyOverFilesMatches()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"mapreducegen-consumer-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        try
        {
            // Three files with different line endings; the source is split into many small byte ranges.
            string[] endings = ["\n", "\r\n", "\r"];
            for (int i = 0; i < endings.Length; i++)
            {
                var text = new StringBuilder();
                foreach (string line in Lines.Skip(i * 1_000).Take(1_000))
                {
                    text.Append(line).Append(endings[i]);
                }

                File.WriteAllText(Path.Combine(folder, $"part{i}.txt"), text.ToString(), new UTF8Encoding(false));
            }

            TextSource source = TextSource.FromPaths(folder);
            source.SplitBytes = 4_096;
            var result = WordFrequencyJob.Run(source, new MapReduceOptions { MaxDegreeOfParallelism = 3 });
            return ResultDifference.Describe(result, Expected.WordFrequency(Lines.Take(3_000)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? SalesMatch()
    {
        Sale[] sales = ConsumerData.Sales(20_000, seed: 5);
        var options = new MapReduceOptions { MaxDegreeOfParallelism = 4, PartitionCount = 5 };
        return ResultDifference.Describe(SalesByRegionYearJob.Run(sales, options), Expected.SalesByRegionYear(sales));
    }

    private static string? CharacterHistogramMatches() =>
        ResultDifference.Describe(CharacterHistogramJob.Run(Lines), Expected.CharacterHistogram(Lines));

    private static string? WordsByLengthMatches() =>
        ResultDifference.Describe(WordsByLengthJob.Run(Lines), Expected.WordsByLength(Lines));

    private static string? IncidentCountMatches()
    {
        LogRecord[] logs = ConsumerData.Logs(10_000, seed: 3);
        var result = IncidentCountJob.RunAsync(logs).GetAwaiter().GetResult();
        return ResultDifference.Describe(result, Expected.IncidentCount(logs));
    }

    private static string? MapperFailureIsReported()
    {
        string[] numbers = ["1", "2", "-3", "four", "5"];
        try
        {
            NumberSumJob.Run(numbers, new MapReduceOptions { MaxDegreeOfParallelism = 1 });
            return "the run returned a result";
        }
        catch (MapReduceException ex)
        {
            return (ex.Phase, ex.InputIndex, ex.InnerException, ex.JobName.Contains(nameof(NumberSumJob), StringComparison.Ordinal)) switch
            {
                (MapReducePhase.Map, 3, FormatException, true) => null,
                _ => $"unexpected report: phase {ex.Phase}, input {ex.InputIndex}, job '{ex.JobName}', inner {ex.InnerException?.GetType().Name}",
            };
        }
    }

    private static string? CancellationIsReported()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        try
        {
            WordFrequencyJob.Run(Lines, new MapReduceOptions { CancellationToken = cancellation.Token });
            return "the run returned a result";
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
