using MapReduceGen.Runtime.Tests.Inputs;
using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Spill;

/// <summary>A grouping job over int keys with int values; key -1 gathers every negative input.</summary>
internal static partial class NegativesGroupJob
{
    [Mapper]
    public static void Map(int input, Emitter<int, int> emit) => emit.Emit(input < 0 ? -1 : input, input);

    [Reducer]
    public static long Reduce(int key, ReadOnlySpan<int> values) => values.Length;
}

/// <summary>
/// Memory budgets and spill files as a hostile user sets or tampers with them: budgets near long.MaxValue, a budget of
/// one byte (thousands of runs), spill files overwritten on disk before the merge, a key's values exactly at the budget.
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

    [Fact]
    public void A_one_byte_budget_makes_thousands_of_runs_and_the_merge_keeps_few_files_open()
    {
        // One worker, a one-byte budget: a run every 16 inputs, 1,500 runs. Merging them all at once opened 1,500 files (a
        // run of 400,000 inputs failed with "Too many open files") and held a 64 KB chunk for each.
        int[] inputs = [.. Enumerable.Range(0, 24_000).Select(i => i % 6_000)];
        int reduced = 0;
        int mostOpen = 0;

        var result = CancelWhileReducingJob.Run(inputs, () =>
        {
            if (reduced++ % 500 == 0)
            {
                mostOpen = Math.Max(mostOpen, OpenSpillFiles());
            }
        }, Options(1, budget: 1));

        Assert.Equal(6_000, result.Count);
        Assert.All(result, e => Assert.Equal(4, e.Value));
        Assert.True(result.Statistics.BytesSpilled > 0);
        Assert.InRange(mostOpen, 1, 64);
        AssertNoSpillFolder();
    }

    [Theory]
    [InlineData(0xFF)]
    [InlineData(-1)]
    public void A_spill_file_overwritten_before_the_merge_is_one_clear_error(int fill)
    {
        // Bytes that are not rows (all 0xFF: a row length of more than 5 bytes; random: lengths past the file's end) once
        // escaped as a raw InvalidDataException or OverflowException, or allocated a chunk of a corrupt length.
        HookedInput[] inputs = [.. Enumerable.Range(0, 60_000).Select(i => new HookedInput(i % 20_000, i == 59_999 ? () => Overwrite(fill) : null))];

        var failure = Assert.Throws<MapReduceException>(() => HookedCountJob.Run(inputs, Options(1, 16 * 1024)));

        Assert.Equal(MapReducePhase.Reduce, failure.Phase);
        Assert.EndsWith(".run", failure.Path, StringComparison.Ordinal);
        Assert.Contains("reading spilled map output failed", failure.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidDataException>(failure.InnerException);
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

    private int OpenSpillFiles() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Count(fd => fd.LinkTarget is { } target && target.StartsWith(_spill.Path, StringComparison.Ordinal));

    private void Overwrite(int fill)
    {
        var random = new Random(5);
        foreach (string file in Directory.EnumerateFiles(_spill.Path, "*.run", SearchOption.AllDirectories))
        {
            byte[] bytes = new byte[new FileInfo(file).Length];
            if (fill < 0)
            {
                random.NextBytes(bytes);
            }
            else
            {
                Array.Fill(bytes, (byte)fill);
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
