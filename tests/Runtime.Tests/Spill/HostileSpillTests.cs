using System.Diagnostics;
using MapReduceGen.Runtime.Tests.Flooding;
using MapReduceGen.Runtime.Tests.Inputs;
using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Spill;

/// <summary>A grouping job over int keys with int values; key -1 gathers every negative input.</summary>
internal static partial class NegativesGroupJob
{
    [Mapper]
    public static void Map(int input, Emitter<int, int> emit) => emit.Emit(input < 0 ? -1 : input, input);

    [Reducer]
    public static long Reduce(int key, ReadOnlySpan<int> values) => values.Length;
}

/// <summary>A grouping job whose reducer lists a key's values in the order it got them.</summary>
internal static partial class ValuesInOrderJob
{
    [Mapper]
    public static void Map(int input, Emitter<int, int> emit) => emit.Emit(input % 3_000, input);

    [Reducer]
    public static string Reduce(int key, ReadOnlySpan<int> values) => string.Join(',', values.ToArray());
}

/// <summary>A line is its own key (a 1 MB line is a 1 MB key; an empty line the empty key).</summary>
internal static partial class LineKeyJob
{
    [Mapper]
    public static void Map(string line, Emitter<string, long> emit) => emit.Emit(line, 1);

    [Reducer]
    public static long Reduce(long left, long right) => left + right;
}

/// <summary>
/// Memory budgets, keys and spill files as a hostile user sets or tampers with them: budgets near long.MaxValue, a budget
/// of a few bytes (thousands of runs, merged a few at a time), spill files overwritten or cut on disk before the merge, a
/// key's values exactly at the budget, megabyte and empty keys, keys that share a hash, a spill directory that is a
/// link, is removed, is read-only, or is shared by concurrent runs, an input file that grows while it is read.
/// </summary>
public sealed class HostileSpillTests : IDisposable
{
    private readonly TempDirectory _spill = new();

    public void Dispose() => _spill.Dispose();

    [Theory]
    [InlineData(1L << 62)]
    [InlineData(long.MaxValue / 2)]
    [InlineData(long.MaxValue)]
    public void A_budget_near_long_MaxValue_holds_everything_in_memory(long budget)
    {
        // Three quarters of a budget past long.MaxValue / 3 once overflowed to a negative share: every check spilled.
        int[] inputs = [.. Enumerable.Range(0, 20_000)];

        var result = NegativesGroupJob.Run(inputs, Options(2, budget));

        Assert.Equal(20_000, result.Count);
        Assert.Equal(0, result.Statistics.BytesSpilled);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_tiny_budget_makes_thousands_of_runs_and_the_merge_keeps_few_files_open(int workers)
    {
        // A 64-byte budget (room for a key's four values, nothing more): a run every 16 inputs, 1,500 runs. Merging them
        // all at once opened 1,500 files (a run of 400,000 inputs failed with "Too many open files") and held a 64 KB chunk
        // for each. Each merge reads at most 64; two workers reduce two partitions at once.
        int[] inputs = [.. Enumerable.Range(0, 24_000).Select(i => i % 6_000)];
        int reduced = 0;
        int mostOpen = 0;

        var result = CancelWhileReducingJob.Run(inputs, () =>
        {
            if (reduced++ % 500 == 0)
            {
                mostOpen = Math.Max(mostOpen, OpenSpillFiles());
            }
        }, Options(workers, budget: 64));

        Assert.Equal(6_000, result.Count);
        Assert.All(result, e => Assert.Equal(4, e.Value));
        Assert.True(result.Statistics.BytesSpilled > 0);
        Assert.InRange(mostOpen, 1, 64 * workers);
        AssertNoSpillFolder();
    }

    [Theory]
    [InlineData("all 0xFF")]
    [InlineData("random")]
    [InlineData("zeros")]
    [InlineData("cut in half")]
    [InlineData("a huge first row length")]
    public void A_spill_file_tampered_with_before_the_merge_is_one_clear_error(string tampering)
    {
        // Bytes that are not rows (all 0xFF: a row length of more than 5 bytes; random: lengths past the file's end; a
        // first row of almost 2 GB) once escaped as a raw InvalidDataException or OverflowException, or allocated a chunk
        // of the corrupt length.
        HookedInput[] inputs = [.. Enumerable.Range(0, 60_000).Select(i => new HookedInput(i % 20_000, i == 59_999 ? () => Tamper(tampering) : null))];

        var failure = Assert.Throws<MapReduceException>(() => HookedCountJob.Run(inputs, Options(1, 16 * 1024)));

        Assert.Equal(MapReducePhase.Reduce, failure.Phase);
        Assert.EndsWith(".run", failure.Path, StringComparison.Ordinal);
        Assert.Contains("reading spilled map output failed", failure.Message, StringComparison.Ordinal);
        Assert.True(failure.InnerException is InvalidDataException or EndOfStreamException, failure.InnerException?.ToString());
        AssertNoSpillFolder();
    }

    [Theory]
    [InlineData("fold")]
    [InlineData("grouping, values in order")]
    [InlineData("combiner and grouping reducer")]
    [InlineData("keys only")]
    public void Thousands_of_runs_merged_in_passes_give_the_in_memory_result(string shape)
    {
        // One worker and a 2 KB budget: far more runs than a merge reads at once, so groups of them are merged into runs
        // first. Equal keys must be combined as the table combined them, and a key's values keep their order.
        int[] numbers = [.. Enumerable.Range(0, 24_000)];
        MapReduceOptions spilling = Options(1, 2 * 1024);
        MapReduceOptions inMemory = Options(1, 0);
        switch (shape)
        {
            case "fold":
                long[] longs = [.. numbers.Select(i => (long)i * 7)];
                AssertSame(CountedResidueJob.Run(longs, inMemory), CountedResidueJob.Run(longs, spilling));
                break;
            case "grouping, values in order":
                var inOrder = ValuesInOrderJob.Run(numbers, spilling);
                AssertSame(ValuesInOrderJob.Run(numbers, inMemory), inOrder);
                Assert.Equal(string.Join(',', Enumerable.Range(0, 8).Select(i => 5 + (i * 3_000))), inOrder[5]);
                break;
            case "combiner and grouping reducer":
                AssertSame(CombinedSumJob.Run(numbers, inMemory), CombinedSumJob.Run(numbers, spilling));
                break;
            default:
                string[] lines = SpillTests.Words(6_000, vocabulary: 20_000, seed: 9);
                AssertSame(DistinctWordsJob.Run(lines, inMemory), DistinctWordsJob.Run(lines, spilling));
                break;
        }

        AssertNoSpillFolder();
    }

    [Theory]
    [InlineData(4_096, true)]
    [InlineData(4_097, false)]
    public void A_key_whose_values_are_exactly_the_budget_fits_and_one_more_does_not(int values, bool fits)
    {
        // 4,096 int values are 16 KiB: exactly the budget.
        int[] inputs = [.. Enumerable.Range(0, 20_000), .. Enumerable.Range(0, values).Select(i => -1 - i)];

        Exception? failure = Record.Exception(() => NegativesGroupJob.Run(inputs, Options(1, 16 * 1024)));

        if (fits)
        {
            Assert.Null(failure);
        }
        else
        {
            Assert.Equal(-1, Assert.IsType<MapReduceException>(failure).Key);
        }

        AssertNoSpillFolder();
    }

    [Fact]
    public void Keys_that_share_a_stable_hash_are_told_apart_across_runs()
    {
        // Thousands of distinct words with colliding hashes, each in three runs: the merge meets them in blocks of equal
        // hashes and must count each word apart.
        List<string> words = CollidingKeys.Words(30_000);
        string[] lines = [.. words, .. words, .. words];

        var result = LineKeyJob.Run(lines, Options(2, 16 * 1024));

        Assert.True(result.Statistics.BytesSpilled > 0);
        Assert.Equal(30_000, result.Count);
        Assert.All(words, word => Assert.Equal(3, result[word]));
        AssertNoSpillFolder();
    }

    [Fact]
    public void Megabyte_keys_and_the_empty_key_spill_and_merge_whole()
    {
        // A key larger than a read chunk (64 KB) and than the budget, and the empty key (a zero-length row field).
        string big = new('x', 1 << 20);
        string bigger = new('y', (1 << 20) + 3);
        string[] lines = [.. Enumerable.Range(0, 3_000).SelectMany(i => new[] { "k" + (i % 500), "", i % 1_000 == 0 ? big : "z", i % 1_500 == 7 ? bigger : "" })];

        var expected = LineKeyJob.Run(lines, Options(2, 0));
        var spilled = LineKeyJob.Run(lines, Options(2, 8 * 1024));

        AssertSame(expected, spilled);
        Assert.Equal(3, spilled[big]);
        Assert.Equal(2, spilled[bigger]);
        Assert.Equal(3_000 + 3_000 - 2, spilled[""]);
        AssertNoSpillFolder();
    }

    [Fact]
    public void A_spill_directory_that_is_a_symbolic_link_is_used_and_left_empty()
    {
        string target = Directory.CreateDirectory(_spill.Combine("target")).FullName;
        string link = _spill.Combine("link");
        File.CreateSymbolicLink(link, target);
        string[] lines = SpillTests.Words(4_000, vocabulary: 20_000, seed: 17);
        MapReduceOptions options = Options(2, 16 * 1024);
        options.SpillDirectory = link;

        var result = LineLengthJob.Run(lines, options);

        Assert.True(result.Statistics.BytesSpilled > 0);
        Assert.Equal(LineLengthJob.Run(lines).Count, result.Count);
        Assert.True(new FileInfo(link).LinkTarget is not null, "the link itself is kept");
        Assert.Empty(Directory.EnumerateFileSystemEntries(target));
    }

    [Fact]
    public void A_spill_directory_removed_while_mapping_fails_the_run_naming_the_file()
    {
        string root = Directory.CreateDirectory(_spill.Combine("doomed")).FullName;
        HookedInput[] inputs = [.. Enumerable.Range(0, 80_000).Select(i => new HookedInput(i, i == 40_000 ? () => Directory.Delete(root, true) : null))];
        var options = new MapReduceOptions { MaxDegreeOfParallelism = 1, MemoryBudget = 16 * 1024, SpillDirectory = root };

        var failure = Assert.Throws<MapReduceException>(() => HookedCountJob.Run(inputs, options));

        Assert.Equal(MapReducePhase.Map, failure.Phase);
        Assert.StartsWith(root, failure.Path, StringComparison.Ordinal);
        Assert.Contains("spilling map output to disk failed", failure.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(failure.InnerException);
    }

    [SkippableFact]
    public void A_read_only_spill_directory_fails_the_run_naming_it()
    {
        // A read-only file system (a tmpfs remounted read-only): refused even to root, which ignores a directory's mode.
        string mount = Directory.CreateDirectory(_spill.Combine("read-only")).FullName;
        Skip.IfNot(SmallDisk.TryMount(mount, "1m"), "mounting a tmpfs needs root (CI runs as root)");
        try
        {
            using (Process remount = Process.Start("mount", ["-o", "remount,ro", mount])!)
            {
                remount.WaitForExit();
                Skip.If(remount.ExitCode != 0, "the tmpfs cannot be remounted read-only here");
            }

            MapReduceOptions options = Options(2, 16 * 1024);
            options.SpillDirectory = mount;

            var failure = Assert.Throws<MapReduceException>(() => LineLengthJob.Run(SpillTests.Words(4_000, vocabulary: 20_000, seed: 17), options));

            Assert.Equal(MapReducePhase.Map, failure.Phase);
            Assert.StartsWith(mount, failure.Path, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(mount));
        }
        finally
        {
            SmallDisk.Unmount(mount);
        }
    }

    [Fact]
    public void Concurrent_runs_sharing_a_spill_directory_keep_to_their_own_files()
    {
        string[] lines = SpillTests.Words(4_000, vocabulary: 20_000, seed: 17);
        var expected = LineLengthJob.Run(lines, Options(1, 0));
        var results = new MapReduceResult<string, string>[4];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = results.Length }, i => results[i] = LineLengthJob.Run(lines, Options(1, 16 * 1024)));

        Assert.All(results, result => AssertSame(expected, result));
        AssertNoSpillFolder();
    }

    [Fact]
    public async Task A_text_file_appended_to_while_a_spilling_run_reads_it_is_read_as_it_was()
    {
        // Files are read up to the length they had when the source was made, spilled or not.
        string[] lines = SpillTests.Words(4_000, vocabulary: 20_000, seed: 17);
        string path = _spill.WriteFile("grow.txt", string.Join('\n', lines) + "\n");
        var expected = WordCountJob.Run(TextSource.FromFiles(path), Options(1, 0));
        var source = TextSource.FromFiles(path);
        byte[] more = "grow grow grow\n"u8.ToArray();
        File.AppendAllText(path, "grow before the run\n");
        using var stop = new CancellationTokenSource();
        Task writer = Task.Run(() =>
        {
            using var append = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            for (int i = 0; i < 100_000 && !stop.IsCancellationRequested; i++)
            {
                append.Write(more);
                append.Flush();
            }
        });

        var result = WordCountJob.Run(source, Options(2, 8 * 1024));
        await stop.CancelAsync();
        await writer;

        AssertSame(expected, result);
        Assert.False(result.ContainsKey("grow"));
        AssertNoSpillFolder();
    }

    private int OpenSpillFiles() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Count(fd => fd.LinkTarget is { } target && target.StartsWith(_spill.Path, StringComparison.Ordinal));

    private static void AssertSame<TKey, TResult>(MapReduceResult<TKey, TResult> expected, MapReduceResult<TKey, TResult> spilled)
        where TKey : notnull
    {
        Assert.True(spilled.Statistics.BytesSpilled > 0);
        Assert.Equal(expected.Count, spilled.Count);
        Assert.All(expected, e => Assert.Equal(e.Value, spilled[e.Key]));
    }

    private void Tamper(string how)
    {
        var random = new Random(5);
        foreach (string file in Directory.EnumerateFiles(_spill.Path, "*.run", SearchOption.AllDirectories))
        {
            byte[] bytes = File.ReadAllBytes(file);
            switch (how)
            {
                case "all 0xFF":
                    Array.Fill(bytes, (byte)0xFF);
                    break;
                case "random":
                    random.NextBytes(bytes);
                    break;
                case "zeros":
                    Array.Clear(bytes);
                    break;
                case "cut in half":
                    bytes = bytes[..(bytes.Length / 2)];
                    break;
                default:
                    // The first row's length prefix (a varint) rewritten to 0x7FFFFFFF.
                    bytes[0] = 0xFF;
                    bytes[1] = 0xFF;
                    bytes[2] = 0xFF;
                    bytes[3] = 0xFF;
                    bytes[4] = 0x07;
                    break;
            }

            File.WriteAllBytes(file, bytes);
        }
    }

    private MapReduceOptions Options(int workers, long budget) => new()
    {
        MaxDegreeOfParallelism = workers,
        MemoryBudget = budget,
        SpillDirectory = _spill.Path,
    };

    private void AssertNoSpillFolder() =>
        Assert.Empty(Directory.EnumerateFileSystemEntries(_spill.Path, "mapreducegen-spill-*"));
}
