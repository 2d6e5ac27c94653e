using System.Diagnostics;
using MapReduceGen.Engine;
using MapReduceGen.Runtime.Tests.Inputs;
using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;
using Xunit.Abstractions;

namespace MapReduceGen.Runtime.Tests.Spill;

public sealed class ProbeTests2(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Lines = SpillTests.Words(8_000, vocabulary: 30_000, seed: 17);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string SpillPath => Directory.CreateDirectory(_dir.Combine("spill")).FullName;

    private MapReduceOptions Options(long budget = 16 * 1024, int partitions = 3, int workers = 2) => new()
    {
        MaxDegreeOfParallelism = workers, MemoryBudget = budget, SpillDirectory = SpillPath, PartitionCount = partitions,
    };

    private static IAsyncEnumerable<MapReducePartition<string, string>> Stream(MapReduceOptions options, CancellationToken ct = default) =>
        MapReduceEngine.StreamAsync(LineLengthJob.MapReduceJob.Definition, [JobInputs.Sequence(Lines)], TaskContext.Empty(), options, ct);

    private void AssertNoSpill() => Assert.Empty(Directory.EnumerateFileSystemEntries(SpillPath));

    [Fact]
    public async Task Stream_stop_at_every_part()
    {
        int total = 0;
        await foreach (var _ in Stream(Options()))
        {
            total++;
        }

        output.WriteLine($"parts {total}");
        for (int stopAt = 0; stopAt <= total; stopAt++)
        {
            int seen = 0;
            var clock = Stopwatch.StartNew();
            await foreach (var part in Stream(Options()))
            {
                if (seen++ == stopAt)
                {
                    break;
                }
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20));
            AssertNoSpill();
        }
    }

    [Fact]
    public async Task Stream_consumer_throws_at_every_part()
    {
        for (int throwAt = 0; throwAt < 6; throwAt++)
        {
            int seen = 0;
            var e = await Assert.ThrowsAsync<InvalidTimeZoneException>(async () =>
            {
                await foreach (var part in Stream(Options()))
                {
                    if (seen++ == throwAt)
                    {
                        throw new InvalidTimeZoneException("consumer");
                    }
                }
            });
            AssertNoSpill();
        }
    }

    [Fact]
    public async Task Two_enumerations_of_one_call()
    {
        var stream = Stream(Options());
        var first = new List<KeyValuePair<string, string>>();
        var second = new List<KeyValuePair<string, string>>();
        await using (var a = stream.GetAsyncEnumerator())
        await using (var b = stream.GetAsyncEnumerator())
        {
            bool moreA = true, moreB = true;
            while (moreA || moreB)
            {
                if (moreA && (moreA = await a.MoveNextAsync()))
                {
                    first.AddRange(a.Current.Entries);
                }

                if (moreB && (moreB = await b.MoveNextAsync()))
                {
                    second.AddRange(b.Current.Entries);
                }
            }
        }

        Assert.Equal(first.Count, second.Count);
        Assert.True(first.Count > 0);
        AssertNoSpill();
    }

    [Fact]
    public async Task Slow_consumer()
    {
        long keys = 0;
        await foreach (var part in Stream(Options(partitions: 2)))
        {
            await Task.Delay(50);
            keys += part.Entries.Count;
        }

        Assert.Equal(LineLengthJob.Run(Lines).Count, keys);
        AssertNoSpill();
    }

    [Fact]
    public async Task Files_into_an_existing_file()
    {
        string file = _dir.WriteFile("out.txt", "precious");
        var e = await Assert.ThrowsAsync<MapReduceException>(() => MapReduceEngine.RunToFilesAsync(
            LineLengthJob.MapReduceJob.Definition, [JobInputs.Sequence(Lines)], TaskContext.Empty(), file, MapReduceFileFormat.Tsv, Options()));
        output.WriteLine(e.Message);
        Assert.Equal("precious", File.ReadAllText(file));
        AssertNoSpill();
    }

    [Fact]
    public async Task Files_into_a_directory_with_unrelated_files_and_into_the_spill_directory()
    {
        string outDir = SpillPath;
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "mine");
        File.WriteAllText(Path.Combine(outDir, "part-1.tsv"), "mine too");
        Directory.CreateDirectory(Path.Combine(outDir, "sub"));
        var files = await MapReduceEngine.RunToFilesAsync(
            LineLengthJob.MapReduceJob.Definition, [JobInputs.Sequence(Lines)], TaskContext.Empty(), outDir, MapReduceFileFormat.Tsv, Options());
        Assert.True(files.Statistics.BytesSpilled > 0);
        string[] names = [.. Directory.EnumerateFileSystemEntries(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        output.WriteLine(string.Join(",", names));
        Assert.Equal(["_SUCCESS", "notes.txt", "part-00000.tsv", "part-00001.tsv", "part-00002.tsv", "part-1.tsv", "sub"], names);
    }

    [Fact]
    public async Task Cancel_at_random_points_100_runs()
    {
        var random = new Random(7);
        int completed = 0, cancelled = 0;
        for (int i = 0; i < 100; i++)
        {
            using var cancel = new CancellationTokenSource();
            int after = random.Next(0, 120);
            int kind = i % 3;
            string outDir = _dir.Combine("out" + i);
            var clock = Stopwatch.StartNew();
            cancel.CancelAfter(after);
            try
            {
                switch (kind)
                {
                    case 0:
                        await foreach (var _ in Stream(Options(), cancel.Token))
                        {
                        }

                        break;
                    case 1:
                        await MapReduceEngine.RunToFilesAsync(
                            LineLengthJob.MapReduceJob.Definition, [JobInputs.Sequence(Lines)], TaskContext.Empty(), outDir, MapReduceFileFormat.Tsv, Options(), cancel.Token);
                        break;
                    default:
                        await LineLengthJob.RunAsync(Lines, Options(), cancel.Token);
                        break;
                }

                completed++;
            }
            catch (OperationCanceledException)
            {
                cancelled++;
                if (kind == 1 && Directory.Exists(outDir))
                {
                    Assert.Empty(Directory.EnumerateFileSystemEntries(outDir));
                }
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "hang");
            AssertNoSpill();
        }

        output.WriteLine($"completed {completed} cancelled {cancelled}");
    }

    [Fact]
    public void Concurrent_runs_share_a_spill_directory()
    {
        var expected = LineLengthJob.Run(Lines, Options(budget: 0));
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            var r = LineLengthJob.Run(Lines, Options());
            Assert.True(r.Statistics.BytesSpilled > 0);
            Assert.Equal(expected.Count, r.Count);
        });
        AssertNoSpill();
    }

    [Fact]
    public void Spill_directory_is_a_symlink()
    {
        string link = _dir.Combine("link");
        File.CreateSymbolicLink(link, SpillPath);
        var o = Options();
        o.SpillDirectory = link;
        var r = LineLengthJob.Run(Lines, o);
        Assert.True(r.Statistics.BytesSpilled > 0);
        AssertNoSpill();
    }

    [Fact]
    public void Spill_directory_removed_during_map()
    {
        string root = _dir.Combine("doomed");
        Directory.CreateDirectory(root);
        HookedInput[] inputs = [.. Enumerable.Range(0, 80_000).Select(i => new HookedInput(i, i == 40_000 ? () => Directory.Delete(root, true) : null))];
        var e = Record.Exception(() => HookedCountJob.Run(inputs, new MapReduceOptions { MaxDegreeOfParallelism = 1, MemoryBudget = 16 * 1024, SpillDirectory = root }));
        output.WriteLine(e?.ToString() ?? "none");
        Assert.IsType<MapReduceException>(e);
    }

    [SkippableFact]
    public void Spill_directory_read_only()
    {
        string mount = _dir.Combine("ro");
        Directory.CreateDirectory(mount);
        Skip.IfNot(SmallDisk.TryMount(mount, "1m"), "root");
        try
        {
            Process.Start("mount", ["-o", "remount,ro", mount])!.WaitForExit();
            var o = Options();
            o.SpillDirectory = mount;
            var e = Record.Exception(() => LineLengthJob.Run(Lines, o));
            output.WriteLine(e?.ToString() ?? "none");
            Assert.IsType<MapReduceException>(e);
        }
        finally
        {
            SmallDisk.Unmount(mount);
        }
    }

    [Fact]
    public async Task Growing_text_input_under_spilling()
    {
        string path = _dir.WriteFile("grow.txt", string.Join('\n', Lines) + "\n");
        var source = TextSource.FromFiles(path);
        var expected = WordCountJob.Run(TextSource.FromFiles(path), new MapReduceOptions());
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            using var append = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            byte[] line = "grow grow grow\n"u8.ToArray();
            while (!stop.IsCancellationRequested)
            {
                append.Write(line);
                append.Flush();
            }
        });
        var r = WordCountJob.Run(source, Options(budget: 8 * 1024));
        stop.Cancel();
        await writer;
        Assert.True(r.Statistics.BytesSpilled > 0);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), r.OrderBy(e => e.Key, StringComparer.Ordinal));
    }
}
