using MapReduceGen.Engine;
using MapReduceGen.Runtime.Tests.Inputs;
using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Spill;

/// <summary>
/// Output that never has to be gathered: a local run streams its partitions part by part (in order, the last part of each
/// marked) or writes one file per partition, committed at the end with a _SUCCESS marker; whether or not the run
/// spilled, the output is what Run returns. A failed run leaves the output directory as it was.
/// </summary>
public sealed class StreamAndFileOutputTests : IDisposable
{
    private static readonly string[] Lines = SpillTests.Words(8_000, vocabulary: 30_000, seed: 17);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(32 * 1024)]
    public async Task Streamed_partitions_hold_what_Run_returns_in_order_with_the_last_part_marked(long budget)
    {
        var expected = LineLengthJob.Run(Lines, Options(budget: 0, partitions: 3));
        var parts = new List<MapReducePartition<string, string>>();

        await foreach (var part in MapReduceEngine.StreamAsync(
            LineLengthJob.MapReduceJob.Definition, [JobInputs.Sequence(Lines)], TaskContext.Empty(), Options(budget, partitions: 3)))
        {
            parts.Add(part);
        }

        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), parts.SelectMany(p => p.Entries).OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(parts.Select(p => p.Partition).Order(), parts.Select(p => p.Partition)); // partitions in index order
        Assert.All(parts.GroupBy(p => p.Partition), partition =>
        {
            Assert.True(partition.Last().IsLast);
            Assert.All(partition.SkipLast(1), p => Assert.False(p.IsLast));
        });
        Assert.Equal(expected.PartitionCount, parts.Select(p => p.Partition).Distinct().Count());
        Assert.Contains(parts, p => p.Entries.Count == 8192); // large partitions come in several parts
        MapReduceStatistics statistics = Assert.IsType<MapReduceStatistics>(parts[^1].Statistics); // the run's, on its last part
        Assert.All(parts.SkipLast(1), p => Assert.Null(p.Statistics));
        Assert.Equal(expected.Count, statistics.DistinctKeys);
        Assert.Equal(expected.Statistics.PairsEmitted, statistics.PairsEmitted);
        Assert.Equal(Lines.Length, statistics.InputsRead);
        Assert.Equal(budget > 0, statistics.BytesSpilled > 0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32 * 1024)]
    public async Task Streamed_string_keys_are_read_as_the_stored_UTF_8_or_as_strings_alike(long budget)
    {
        string[] lines = [.. Lines, "naïve \U0001F600 lone\ud800 end"];
        var expected = LineLengthJob.Run(lines, Options(budget: 0, partitions: 3));
        var asStrings = new List<KeyValuePair<string, string>>();
        var asUtf8 = new List<(byte[] Key, string Result)>();

        await foreach (var part in MapReduceEngine.StreamAsync(
            LineLengthJob.MapReduceJob.Definition, [JobInputs.Sequence(lines)], TaskContext.Empty(), Options(budget, partitions: 3)))
        {
            asUtf8.AddRange(part.Utf8Entries().Select(e => (e.Key.ToArray(), e.Result)));
            asStrings.AddRange(part.Entries);
        }

        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), asStrings.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(asStrings.Select(e => e.Value), asUtf8.Select(e => e.Result));
        Assert.Equal(
            expected.Utf8Entries().Select(e => Convert.ToHexString(e.Key.Span)).Order(StringComparer.Ordinal),
            asUtf8.Select(e => Convert.ToHexString(e.Key)).Order(StringComparer.Ordinal)); // the lone surrogate as WTF-8 in both
    }

    [Fact]
    public async Task Streamed_records_sorted_by_key_come_in_the_total_order_after_spilling()
    {
        var expected = WordRecordsJob.Run(Lines, Options(budget: 0, partitions: 4));
        var records = new List<string>();
        MapReduceStatistics? statistics = null;

        await foreach (var part in MapReduceEngine.StreamRecordsAsync(
            WordRecordsJob.MapReduceJob.Definition, [JobInputs.Sequence(Lines)], TaskContext.Empty(), Options(32 * 1024, partitions: 4)))
        {
            records.AddRange(part.Records);
            statistics = part.Statistics ?? statistics;
        }

        Assert.Equal(expected.ToArray(), records);
        Assert.Equal(expected.Statistics.PairsEmitted, statistics?.PairsEmitted);
    }

    [Fact]
    public async Task Stopping_a_stream_early_stops_the_run_and_leaves_no_spill_file()
    {
        int parts = 0;
        await foreach (var part in MapReduceEngine.StreamAsync(
            LineLengthJob.MapReduceJob.Definition, [JobInputs.Sequence(Lines)], TaskContext.Empty(), Options(16 * 1024)))
        {
            if (++parts == 2)
            {
                break;
            }
        }

        Assert.Empty(Directory.EnumerateDirectories(_directory.Path, "mapreducegen-spill-*"));
    }

    [Fact]
    public async Task A_failing_reducer_is_thrown_from_the_stream()
    {
        int[] inputs = [.. Enumerable.Range(0, 50_000)];

        var failure = await Assert.ThrowsAsync<MapReduceException>(async () =>
        {
            await foreach (var part in MapReduceEngine.StreamAsync(
                UnluckyGroupJob.MapReduceJob.Definition, [JobInputs.Sequence(inputs)], TaskContext.Empty(), Options(16 * 1024)))
            {
                Assert.NotNull(part);
            }
        });

        Assert.Equal(13, failure.Key);
        Assert.Empty(Directory.EnumerateDirectories(_directory.Path, "mapreducegen-spill-*"));
    }

    [Theory]
    [InlineData(MapReduceFileFormat.Tsv, 0)]
    [InlineData(MapReduceFileFormat.Tsv, 32 * 1024)]
    [InlineData(MapReduceFileFormat.JsonLines, 32 * 1024)]
    public async Task Files_hold_every_key_and_are_committed_with_a_success_marker(MapReduceFileFormat format, long budget)
    {
        string output = _directory.Combine("out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "part-00017.tsv"), "stale\t1\n");
        File.WriteAllText(Path.Combine(output, "notes.txt"), "kept");
        var expected = LineLengthJob.Run(Lines, Options(budget: 0));

        MapReduceFileOutput files = await MapReduceEngine.RunToFilesAsync(
            LineLengthJob.MapReduceJob.Definition, [JobInputs.Sequence(Lines)], TaskContext.Empty(), output, format, Options(budget));

        string extension = format == MapReduceFileFormat.Tsv ? ".tsv" : ".jsonl";
        Assert.Equal(
            files.Files.Select(f => Path.GetFileName(f.Path)).Append("_SUCCESS").Append("notes.txt").Order(StringComparer.Ordinal),
            Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(files.Files, f => Assert.EndsWith(extension, f.Path, StringComparison.Ordinal));
        var read = new Dictionary<string, string>();
        foreach (string line in files.Files.SelectMany(f => File.ReadAllLines(f.Path)))
        {
            if (format == MapReduceFileFormat.Tsv)
            {
                string[] fields = line.Split('\t');
                read.Add(fields[0], fields[1]);
            }
            else
            {
                using var json = System.Text.Json.JsonDocument.Parse(line);
                read.Add(json.RootElement.GetProperty("key").GetString()!, json.RootElement.GetProperty("value").GetString()!);
            }
        }

        Assert.Equal(expected.Count, read.Count);
        Assert.All(expected, e => Assert.Equal(e.Value, read[e.Key]));
        Assert.Equal(expected.Count, files.Statistics.DistinctKeys);
        Assert.Equal(files.Files.Sum(f => f.Records), expected.Count);
    }

    [Fact]
    public async Task A_failed_run_leaves_the_output_directory_as_it_was()
    {
        string output = _directory.Combine("out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "part-00000.tsv"), "earlier\t1\n");
        File.WriteAllText(Path.Combine(output, "_SUCCESS"), "");
        string[] before = [.. Directory.GetFileSystemEntries(output).Order(StringComparer.Ordinal)];
        int[] inputs = [.. Enumerable.Range(0, 50_000)];

        await Assert.ThrowsAsync<MapReduceException>(() => MapReduceEngine.RunToFilesAsync(
            UnluckyGroupJob.MapReduceJob.Definition, [JobInputs.Sequence(inputs)], TaskContext.Empty(), output, MapReduceFileFormat.Tsv, Options(16 * 1024)));

        Assert.Equal(before, Directory.GetFileSystemEntries(output).Order(StringComparer.Ordinal));
        Assert.Equal("earlier\t1\n", File.ReadAllText(Path.Combine(output, "part-00000.tsv")));
    }

    [SkippableFact]
    public async Task A_full_disk_while_writing_files_leaves_the_earlier_output_as_it_was()
    {
        string mount = _directory.Combine("small-disk");
        Directory.CreateDirectory(mount);
        Skip.IfNot(SmallDisk.TryMount(mount, "64k"), "mounting a small tmpfs needs root (CI runs as root)");
        try
        {
            string[] stale = ["part-00000.tsv", "part-00001.tsv", "part-00002.tsv", "_SUCCESS"];
            foreach (string name in stale)
            {
                File.WriteAllText(Path.Combine(mount, name), name == "_SUCCESS" ? "" : "earlier\t1\n");
            }

            var failure = await Assert.ThrowsAsync<MapReduceException>(() => MapReduceEngine.RunToFilesAsync(
                LineLengthJob.MapReduceJob.Definition, [JobInputs.Sequence(Lines)], TaskContext.Empty(), mount, MapReduceFileFormat.Tsv, Options(0)));

            Assert.IsAssignableFrom<IOException>(failure.InnerException);
            Assert.StartsWith(mount, failure.Path, StringComparison.Ordinal);
            Assert.Equal(stale.Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(mount).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            SmallDisk.Unmount(mount);
        }
    }

    [Fact]
    public async Task An_unwritable_output_directory_is_found_before_anything_is_mapped()
    {
        string file = _directory.WriteFile("a-file", "x");
        int mapped = 0;
        HookedInput[] inputs = [.. Enumerable.Range(0, 1_000).Select(i => new HookedInput(i, () => Interlocked.Increment(ref mapped)))];

        var failure = await Assert.ThrowsAsync<MapReduceException>(() => MapReduceEngine.RunToFilesAsync(
            CountedHookJob.MapReduceJob.Definition, [JobInputs.Sequence(inputs)], TaskContext.Empty(), Path.Combine(file, "out"), MapReduceFileFormat.Tsv, Options(0)));

        Assert.Equal(0, mapped);
        Assert.StartsWith(Path.Combine(file, "out"), failure.Path, StringComparison.Ordinal);
        Assert.Contains("writing the output failed", failure.Message, StringComparison.Ordinal);
    }

    private MapReduceOptions Options(long budget, int partitions = 0) => new()
    {
        MaxDegreeOfParallelism = 2,
        MemoryBudget = budget,
        SpillDirectory = _directory.Path,
        PartitionCount = partitions,
    };
}
