using MapReduceGen.Runtime.Tests.Inputs;
using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Spill;

/// <summary>
/// A run that spilled and then failed, was cancelled, lost a spill file, or could not write one (an unwritable
/// directory, a full disk) throws one clear exception naming the phase and the path, returns nothing, and leaves no
/// spill file behind; folders of dead processes are removed by the next run.
/// </summary>
public sealed class SpillFailureTests : IDisposable
{
    private const long TinyBudget = 16 * 1024;
    private readonly TempDirectory _spill = new();

    public void Dispose() => _spill.Dispose();

    [Fact]
    public void A_mapper_that_throws_after_spills_fails_the_run_and_leaves_no_file()
    {
        HookedInput[] inputs = [.. Enumerable.Range(0, 60_000).Select(i => new HookedInput(i, i == 50_000 ? () => throw new InvalidOperationException("late") : null))];

        var failure = Assert.Throws<MapReduceException>(() => HookedCountJob.Run(inputs, Options()));

        Assert.Equal(MapReducePhase.Map, failure.Phase);
        Assert.Equal(50_000, failure.InputIndex);
        AssertNothingLeft();
    }

    [Fact]
    public void A_reducer_that_throws_while_merging_fails_the_run_and_leaves_no_file()
    {
        int[] inputs = [.. Enumerable.Range(0, 80_000)];

        var failure = Assert.Throws<MapReduceException>(() => UnluckyGroupJob.Run(inputs, Options()));

        Assert.Equal(MapReducePhase.Reduce, failure.Phase);
        Assert.Equal(13, failure.Key);
        Assert.Equal("thirteen", failure.InnerException!.Message);
        AssertNothingLeft();
    }

    [Fact]
    public void A_run_cancelled_after_spilling_throws_and_leaves_no_file()
    {
        using var cancel = new CancellationTokenSource();
        HookedInput[] inputs = [.. Enumerable.Range(0, 80_000).Select(i => new HookedInput(i, i == 60_000 ? cancel.Cancel : null))];
        var options = Options();
        options.CancellationToken = cancel.Token;

        Assert.ThrowsAny<OperationCanceledException>(() => HookedCountJob.Run(inputs, options));

        AssertNothingLeft();
    }

    [Fact]
    public void A_spill_file_deleted_before_the_merge_is_named_in_the_error()
    {
        HookedInput[] inputs = [.. Enumerable.Range(0, 60_000).Select(i => new HookedInput(i % 20_000, i == 59_999 ? DeleteSpillFiles : null))];

        var failure = Assert.Throws<MapReduceException>(() => HookedCountJob.Run(inputs, Options(workers: 1)));

        Assert.Equal(MapReducePhase.Reduce, failure.Phase);
        Assert.EndsWith(".run", failure.Path, StringComparison.Ordinal);
        Assert.Contains("reading spilled map output failed", failure.Message, StringComparison.Ordinal);
        AssertNothingLeft();
    }

    [Fact]
    public void A_spill_directory_that_cannot_be_created_is_named_in_the_error()
    {
        string file = _spill.WriteFile("not-a-directory", "x");
        HookedInput[] inputs = [.. Enumerable.Range(0, 40_000).Select(i => new HookedInput(i))];
        var options = Options();
        options.SpillDirectory = Path.Combine(file, "spill");

        var failure = Assert.Throws<MapReduceException>(() => HookedCountJob.Run(inputs, options));

        Assert.Equal(MapReducePhase.Map, failure.Phase);
        Assert.StartsWith(options.SpillDirectory, failure.Path, StringComparison.Ordinal);
        Assert.Contains("spilling map output to disk failed", failure.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_full_disk_while_spilling_is_one_clear_error_and_leaves_no_file()
    {
        string mount = _spill.Combine("small-disk");
        Directory.CreateDirectory(mount);
        Skip.IfNot(SmallDisk.TryMount(mount, "256k"), "mounting a small tmpfs needs root (CI runs as root)");
        try
        {
            HookedInput[] inputs = [.. Enumerable.Range(0, 400_000).Select(i => new HookedInput(i))];
            var options = Options();
            options.SpillDirectory = mount;

            var failure = Assert.Throws<MapReduceException>(() => HookedCountJob.Run(inputs, options));

            Assert.Equal(MapReducePhase.Map, failure.Phase);
            Assert.StartsWith(mount, failure.Path, StringComparison.Ordinal);
            Assert.IsAssignableFrom<IOException>(failure.InnerException);
            Assert.Empty(Directory.EnumerateFileSystemEntries(mount));
        }
        finally
        {
            SmallDisk.Unmount(mount);
        }
    }

    [Fact]
    public void Folders_of_dead_processes_are_removed_and_folders_of_live_ones_kept()
    {
        string dead = Directory.CreateDirectory(_spill.Combine("mapreducegen-spill-2147483646-0123456789abcdef")).FullName;
        File.WriteAllText(Path.Combine(dead, "w0-000001.run"), "left by a killed run");
        string live = Directory.CreateDirectory(_spill.Combine("mapreducegen-spill-1-0123456789abcdef")).FullName;
        HookedInput[] inputs = [.. Enumerable.Range(0, 40_000).Select(i => new HookedInput(i))];

        var result = HookedCountJob.Run(inputs, Options());

        Assert.True(result.Statistics.BytesSpilled > 0);
        Assert.False(Directory.Exists(dead));
        Assert.True(Directory.Exists(live));
    }

    private void DeleteSpillFiles()
    {
        foreach (string file in Directory.EnumerateFiles(_spill.Path, "*.run", SearchOption.AllDirectories))
        {
            File.Delete(file);
        }
    }

    private MapReduceOptions Options(int workers = 2) => new()
    {
        MaxDegreeOfParallelism = workers,
        MemoryBudget = TinyBudget,
        SpillDirectory = _spill.Path,
    };

    private void AssertNothingLeft() =>
        Assert.Empty(Directory.EnumerateFileSystemEntries(_spill.Path, "mapreducegen-spill-*"));
}
