using MapReduceGen.Runtime.Tests.Inputs;
using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Spill;

/// <summary>
/// Runs whose tables outgrow a tiny memory budget (a few kilobytes) spill sorted runs to disk and reduce partitions by
/// merging them: for every reducer shape the output is the in-memory run's (results, order, records, counters), the
/// bytes spilled are counted, and the spill folder is gone afterwards.
/// </summary>
public sealed class SpillTests : IDisposable
{
    private const long TinyBudget = 32 * 1024;
    private static readonly string[] Lines = Words(6_000, vocabulary: 5_000, seed: 3);
    private readonly TempDirectory _spill = new();

    public void Dispose() => _spill.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_fold_over_string_keys_spills_and_gives_the_in_memory_result(int workers)
    {
        var expected = WordCountJob.Run(Lines, Options(workers, budget: 0));

        var spilled = WordCountJob.Run(Lines, Options(workers));

        Assert.Equal(Sorted(expected), Sorted(spilled));
        Assert.True(spilled.Statistics.BytesSpilled > 0, "the tables spilled");
        Assert.Equal(0, expected.Statistics.BytesSpilled);
        AssertNoSpillFolder();
    }

    [Fact]
    public void A_grouping_reducer_sees_every_value_of_keys_spread_over_many_runs()
    {
        int[] inputs = [.. Enumerable.Range(0, 40_000)];
        var expected = SpreadJob.Run(inputs, Options(2, budget: 0));

        var spilled = SpreadJob.Run(inputs, Options(2));

        Assert.Equal(Sorted(expected), Sorted(spilled));
        Assert.True(spilled.Statistics.BytesSpilled > 0);
        AssertNoSpillFolder();
    }

    [Fact]
    public void A_combiner_with_a_finishing_reducer_spills()
    {
        var expected = LineLengthJob.Run(Lines, Options(2, budget: 0));

        var spilled = LineLengthJob.Run(Lines, Options(2));

        Assert.Equal(Sorted(expected), Sorted(spilled));
        Assert.True(spilled.Statistics.BytesSpilled > 0);
    }

    [Fact]
    public void A_combiner_with_a_grouping_reducer_sums_the_same_after_spilling()
    {
        int[] inputs = [.. Enumerable.Range(0, 60_000)];
        var expected = CombinedSumJob.Run(inputs, Options(2, budget: 0));

        var spilled = CombinedSumJob.Run(inputs, Options(2, budget: 8 * 1024));

        Assert.Equal(Sorted(expected), Sorted(spilled));
        Assert.True(spilled.Statistics.BytesSpilled > 0);
    }

    [Fact]
    public void Output_sorted_by_key_keeps_its_total_order_after_spilling()
    {
        var expected = SortedWordCountJob.Run(Lines, Options(2, budget: 0, partitions: 5));

        var spilled = SortedWordCountJob.Run(Lines, Options(2, partitions: 5));

        Assert.Equal(expected.ToArray(), spilled.ToArray());
        Assert.True(spilled.Statistics.BytesSpilled > 0);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), spilled.Keys);
    }

    [Fact]
    public void Records_sorted_by_key_come_in_the_same_order_after_spilling()
    {
        var expected = WordRecordsJob.Run(Lines, Options(2, budget: 0, partitions: 3));

        var spilled = WordRecordsJob.Run(Lines, Options(2, partitions: 3));

        Assert.Equal(expected.ToArray(), spilled.ToArray());
        Assert.True(spilled.Statistics.BytesSpilled > 0);
    }

    [Fact]
    public void An_output_order_and_counters_survive_spilling()
    {
        long[] inputs = [.. Enumerable.Range(0, 200_000).Select(i => (long)i * 7919)];
        var expectedCounts = CountedResidueJob.Run(inputs, Options(2, budget: 0));
        var expectedOrder = WordsByCountJob.Run(Lines, Options(2, budget: 0));

        var counts = CountedResidueJob.Run(inputs, Options(2));
        var order = WordsByCountJob.Run(Lines, Options(2));

        Assert.Equal(Sorted(expectedCounts), Sorted(counts));
        Assert.Equal(expectedCounts.Statistics.Counters, counts.Statistics.Counters);
        Assert.True(counts.Statistics.BytesSpilled > 0);
        Assert.Equal(expectedOrder.ToArray(), order.ToArray());
    }

    [Fact]
    public void The_characters_of_string_values_count_toward_the_budget()
    {
        // 400 lines of 8,000 characters: 6.4 MB of strings behind tables of 400 keys (a few kilobytes), in a 1 MiB budget.
        // Counting only the values' references, the tables never reached their share and held every string (a 400 MB
        // file of such lines ran a 1 GiB process out of memory with the default budget).
        string[] lines = [.. Enumerable.Range(0, 400).Select(i => $"{(i * 7919) % 400:D10}" + new string((char)('a' + (i % 26)), 7_990))];
        var expected = KeyedLinesJob.Run(lines, Options(2, budget: 0, partitions: 3));

        var spilled = KeyedLinesJob.Run(lines, Options(2, budget: 1 << 20, partitions: 3));

        Assert.Equal(expected.ToArray(), spilled.ToArray());
        Assert.True(spilled.Statistics.BytesSpilled > 0, "the values' characters count toward the budget");
        Assert.Equal(0, expected.Statistics.BytesSpilled);
    }

    [Fact]
    public void Text_files_spill_like_sequences()
    {
        string path = _spill.WriteFile("input/words.txt", string.Join('\n', Lines));
        var expected = WordCountJob.Run(TextSource.FromFiles(path), Options(2, budget: 0));

        var spilled = WordCountJob.Run(TextSource.FromFiles(path), Options(2));

        Assert.Equal(Sorted(expected), Sorted(spilled));
        Assert.True(spilled.Statistics.BytesSpilled > 0);
    }

    [Fact]
    public void Keys_only_spill_and_give_each_key_once()
    {
        var expected = DistinctWordsJob.Run(Lines, Options(2, budget: 0));

        var spilled = DistinctWordsJob.Run(Lines, Options(2));

        Assert.Equal(Sorted(expected), Sorted(spilled));
        Assert.True(spilled.Statistics.BytesSpilled > 0);
        AssertNoSpillFolder();
    }

    [Fact]
    public void Two_inputs_spill_into_one_run_each_and_merge()
    {
        int[] numbers = [.. Enumerable.Range(0, 30_000)];
        var expected = TwoInputWordsJob.Run(Lines, numbers, Options(2, budget: 0));

        var spilled = TwoInputWordsJob.Run(Lines, numbers, Options(2));

        Assert.Equal(Sorted(expected), Sorted(spilled));
        Assert.True(spilled.Statistics.BytesSpilled > 0);
        Assert.Equal(Lines.Length + numbers.Length, spilled.Statistics.InputsRead);
    }

    [Fact]
    public void A_partitioner_s_partitions_survive_spilling()
    {
        var expected = LastDigitPartitionJob.Run(Lines, Options(2, budget: 0, partitions: 5));

        var spilled = LastDigitPartitionJob.Run(Lines, Options(2, partitions: 5));

        Assert.Equal(Sorted(expected), Sorted(spilled));
        Assert.True(spilled.Statistics.BytesSpilled > 0);
        for (int p = 0; p < 5; p++)
        {
            Assert.All(spilled.Partition(p), e => Assert.Equal(p, (e.Key[^1] - '0') % 5)); // each key where its partitioner put it
        }
    }

    [Fact]
    public void A_UTF_8_block_mapper_spills_like_the_line_mapper()
    {
        string path = _spill.WriteFile("input/utf8.txt", string.Join('\n', Lines));
        var expected = Utf8Mapping.Utf8WordCountJob.Run(TextSource.FromFiles(path), Options(2, budget: 0));

        var spilled = Utf8Mapping.Utf8WordCountJob.RunUtf8(TextSource.FromFiles(path), Options(2));

        Assert.Equal(Sorted(expected), Sorted(spilled));
        Assert.True(spilled.Statistics.BytesSpilled > 0);
        AssertNoSpillFolder();
    }

    [Fact]
    public void A_run_cancelled_while_merging_spilled_runs_throws_and_leaves_no_file()
    {
        int[] inputs = [.. Enumerable.Range(0, 40_000)];
        using var cancel = new CancellationTokenSource();
        int reduced = 0;
        var options = Options(2);
        options.CancellationToken = cancel.Token;

        Assert.ThrowsAny<OperationCanceledException>(() => CancelWhileReducingJob.Run(inputs, () =>
        {
            if (Interlocked.Increment(ref reduced) == 500)
            {
                cancel.Cancel();
            }
        }, options));

        Assert.InRange(reduced, 500, 39_999); // stopped between keys, long before the last
        AssertNoSpillFolder();
    }

    [Fact]
    public void A_key_whose_values_do_not_fit_in_the_budget_fails_the_run_naming_the_key_and_the_budget()
    {
        int[] inputs = [.. Enumerable.Range(0, 40_000)];

        var error = Assert.Throws<MapReduceException>(() => HotKeyJob.Run(inputs, Options(2, budget: 64 * 1024)));

        Assert.Equal(MapReducePhase.Reduce, error.Phase);
        Assert.Equal(7, error.Key); // 20,000 values of 8 bytes: more than the 64 KiB budget
        Assert.Contains("the run's memory budget is too small", error.Message, StringComparison.Ordinal);
        Assert.IsType<InsufficientMemoryException>(error.InnerException);
        Assert.Contains("65,536 bytes", error.InnerException.Message, StringComparison.Ordinal);
        Assert.Contains("a key's values must fit in memory", error.InnerException.Message, StringComparison.Ordinal);
        AssertNoSpillFolder();
    }

    private MapReduceOptions Options(int workers, long budget = TinyBudget, int partitions = 0) => new()
    {
        MaxDegreeOfParallelism = workers,
        MemoryBudget = budget,
        SpillDirectory = _spill.Path,
        PartitionCount = partitions,
    };

    private void AssertNoSpillFolder() =>
        Assert.Empty(Directory.EnumerateDirectories(_spill.Path, "mapreducegen-spill-*"));

    private static KeyValuePair<TKey, TResult>[] Sorted<TKey, TResult>(MapReduceResult<TKey, TResult> result)
        where TKey : notnull =>
        [.. result.OrderBy(e => e.Key)];

    // Lines of words drawn from a vocabulary, so words repeat within and across map tasks.
    internal static string[] Words(int lines, int vocabulary, int seed)
    {
        var random = new Random(seed);
        var result = new string[lines];
        for (int i = 0; i < lines; i++)
        {
            result[i] = string.Join(' ', Enumerable.Range(0, 10).Select(_ => "w" + random.Next(vocabulary).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return result;
    }
}
