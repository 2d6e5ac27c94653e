using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using MapReduceGen.Orleans.Tests.Infrastructure;
using MapReduceGen.Orleans.Tests.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Sample.WordCount;

namespace MapReduceGen.Orleans.Tests;

/// <summary>
/// The data path of scale-out v2: map output never reaches the coordinator, reduce tasks fetch it silo to silo in
/// bounded chunks while map tasks still run, and results are gathered, streamed or written to files. Also the Orleans
/// idioms: options from the container, the executor injected into a grain.
/// </summary>
public sealed class ShuffleAndOutputTests(InMemoryClusterFixture fixture) : IClassFixture<InMemoryClusterFixture>
{
    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Map_output_goes_silo_to_silo_in_chunks_and_never_through_the_coordinator()
    {
        // Thousands of distinct keys in one partition and 1 KiB chunks: each reduce fetch and the result take many calls.
        var lines = Enumerable.Range(0, 4000).Select(i => $"{Words.Letters(i)} shared {Words.Letters(i * 3)}").ToList();
        var expected = WordCountJob.Run(lines);
        ClusterRunSummary? summary = null;
        var options = TestClusters.FastFailover();
        options.ShuffleChunkBytes = 1024;
        options.RunCompleted = s => summary = s;

        var actual = await Cluster.Client.MapReduce(options).RunAsync<WordCountJob.MapReduceJob, string, string, int>(
            lines, new MapReduceOptions { ChunkSize = 500, PartitionCount = 1 });

        TestData.AssertSameEntries(expected, actual);
        Assert.NotNull(summary);
        Assert.Equal(0, summary.MapOutputBytesToCoordinator);
        Assert.Equal(8, summary.MapTasks);
        Assert.True(summary.MapOutputBytes > 16 * 1024, $"only {summary.MapOutputBytes} bytes of map output");
        Assert.Equal(summary.MapOutputBytes, summary.ShuffleBytes);
        Assert.True(summary.ResultBytesToCoordinator > 0);
        Assert.Equal(expected.Count, summary.Statistics.DistinctKeys);
    }

    [Fact]
    public async Task Tasks_past_the_task_memory_budget_spill_to_their_silos_disks_and_give_the_exact_result()
    {
        // Thousands of distinct words per map task, a 64 KiB budget per task: map tables and fetched outputs go to disk.
        var lines = Enumerable.Range(0, 6000).Select(i => $"{Words.Letters(i)} shared {Words.Letters(i * 7)}").ToList();
        var expected = WordCountJob.Run(lines);
        string spill = Path.Combine(Path.GetTempPath(), "mrg-silo-spill-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(spill);
        try
        {
            ClusterRunSummary? summary = null;
            var options = TestClusters.FastFailover();
            options.TaskMemoryBudget = 64 * 1024;
            options.SpillDirectory = spill;
            options.RunCompleted = s => summary = s;

            var actual = await Cluster.Client.MapReduce(options).RunAsync<WordCountJob.MapReduceJob, string, string, int>(
                lines, new MapReduceOptions { ChunkSize = 1500, PartitionCount = 2 });

            TestData.AssertSameEntries(expected, actual);
            Assert.NotNull(summary);
            Assert.True(actual.Statistics.BytesSpilled > 64 * 1024, $"spilled {actual.Statistics.BytesSpilled} bytes");
            Assert.Equal(summary.MapOutputBytes, summary.ShuffleBytes);

            // Released outputs delete their files (the release is sent as the run ends, not awaited).
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Directory.EnumerateFileSystemEntries(spill, "*", SearchOption.AllDirectories).Any() && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.Empty(Directory.EnumerateFileSystemEntries(spill, "*", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(spill, recursive: true);
        }
    }

    [Fact]
    public async Task Reduce_tasks_start_fetching_while_map_tasks_still_run()
    {
        var lines = TestData.Lines(1000, seed: 41);
        lines[^1] = "hold"; // the last map task waits at the gate until a reduce task has started
        var expected = WordCountJob.Run(lines);
        var events = new ConcurrentQueue<ClusterTaskEvent>();
        TestGates.Hold.Close();
        try
        {
            var actual = await Cluster.Client.MapReduce(TestClusters.FastFailover(e =>
                {
                    events.Enqueue(e);
                    if (e is { Kind: ClusterTaskEventKind.Completed, Phase: MapReducePhase.Reduce } or
                        { Kind: ClusterTaskEventKind.Started, Phase: MapReducePhase.Reduce })
                    {
                        TestGates.Hold.Open();
                    }
                }))
                .RunAsync<HeldWordCount.MapReduceJob, string, string, int>(lines, new MapReduceOptions { ChunkSize = 50, PartitionCount = 4 })
                .WaitAsync(TimeSpan.FromSeconds(60));

            TestData.AssertSameEntries(expected, actual);
            var ordered = events.ToList();
            int firstReduce = ordered.FindIndex(e => e is { Kind: ClusterTaskEventKind.Started, Phase: MapReducePhase.Reduce });
            int lastMap = ordered.FindLastIndex(e => e is { Kind: ClusterTaskEventKind.Completed, Phase: MapReducePhase.Map });
            Assert.InRange(firstReduce, 0, lastMap);
        }
        finally
        {
            TestGates.Hold.Open();
        }
    }

    [Fact]
    public async Task Results_stream_partition_by_partition_and_hold_every_key_once()
    {
        var lines = TestData.Lines(2000, seed: 42);
        var expected = WordCountJob.Run(lines);
        var seen = new Dictionary<string, int>();
        var partitions = new List<int>();
        var statistics = new List<MapReduceStatistics?>();

        await foreach (var partition in Cluster.Client.MapReduce().StreamAsync<WordCountJob.MapReduceJob, string, string, int>(
                           lines, new MapReduceOptions { ChunkSize = 200, PartitionCount = 5 }))
        {
            partitions.Add(partition.Partition);
            statistics.Add(partition.Statistics);
            Assert.Equal(5, partition.PartitionCount);
            foreach (var (word, count) in partition.Entries)
            {
                seen.Add(word, count); // throws if a key came twice
            }
        }

        Assert.Equal([0, 1, 2, 3, 4], partitions.Order());
        Assert.Equal(expected.Count, seen.Count);
        Assert.All(expected, e => Assert.Equal(e.Value, seen[e.Key]));
        Assert.All(statistics.SkipLast(1), Assert.Null); // the run's statistics come with its last part only
        Assert.Equal(expected.Statistics.PairsEmitted, statistics[^1]?.PairsEmitted);
        Assert.Equal(expected.Count, statistics[^1]?.DistinctKeys);
    }

    [Fact]
    public async Task A_partitioner_with_a_key_order_gives_the_local_partitions_each_sorted()
    {
        // No key ranges are sampled: each partition is the partitioner's keys, sorted, as a local run makes them.
        var lines = TestData.Lines(3000, seed: 7);
        var options = new MapReduceOptions { ChunkSize = 300, PartitionCount = 4 };
        var expected = WordsSortedWithinLengths.Run(lines, options);

        var actual = await Cluster.Client.MapReduce().RunAsync<WordsSortedWithinLengths.MapReduceJob, string, string, int>(lines, options);

        Assert.Equal(4, actual.PartitionCount);
        for (int p = 0; p < 4; p++)
        {
            IReadOnlyList<KeyValuePair<string, int>> partition = actual.Partition(p);
            Assert.NotEmpty(partition);
            Assert.Equal(expected.Partition(p), partition);
            Assert.All(partition, e => Assert.Equal(p, WordsSortedWithinLengths.ByLength(e.Key, 4)));
            Assert.Equal(partition.Select(e => e.Key).Order(StringComparer.Ordinal), partition.Select(e => e.Key));
        }
    }

    [Fact]
    public async Task Leaving_a_stream_early_stops_the_run_and_the_cluster_runs_the_next_job()
    {
        var lines = TestData.Lines(1000, seed: 43);

        await foreach (var partition in Cluster.Client.MapReduce().StreamAsync<WordCountJob.MapReduceJob, string, string, int>(
                           lines, new MapReduceOptions { ChunkSize = 100, PartitionCount = 6 }))
        {
            Assert.InRange(partition.Partition, 0, 5);
            break;
        }

        var next = await Cluster.Client.MapReduce().RunAsync<WordCountJob.MapReduceJob, string, string, int>(lines);
        TestData.AssertSameEntries(WordCountJob.Run(lines), next);
    }

    [Fact]
    public async Task Reduce_tasks_write_one_tsv_file_per_partition_and_only_the_list_comes_back()
    {
        string directory = Path.Combine(Path.GetTempPath(), "mrg-out-" + Guid.NewGuid().ToString("N"));
        try
        {
            var lines = TestData.Lines(1500, seed: 44);
            var expected = WordCountJob.Run(lines);
            ClusterRunSummary? summary = null;
            var options = TestClusters.FastFailover();
            options.RunCompleted = s => summary = s;

            var output = await Cluster.Client.MapReduce(options).RunToFilesAsync<WordCountJob.MapReduceJob, string, string, int>(
                lines, directory, MapReduceFileFormat.Tsv, new MapReduceOptions { ChunkSize = 150, PartitionCount = 4 });

            Assert.Equal([0, 1, 2, 3], output.Files.Select(f => f.Partition));
            Assert.All(output.Files, f => Assert.Equal(Path.Combine(directory, $"part-{f.Partition:D5}.tsv"), f.Path));
            Assert.Equal(
                output.Files.Select(f => f.Path).Append(Path.Combine(directory, "_SUCCESS")).Order(),
                Directory.GetFiles(directory).Order()); // no work files left behind; the commit marker written last
            Assert.Empty(Directory.GetDirectories(directory));
            var read = new Dictionary<string, int>();
            foreach (var file in output.Files)
            {
                string[] fileLines = File.ReadAllLines(file.Path);
                Assert.Equal(file.Records, fileLines.Length);
                Assert.Equal(new FileInfo(file.Path).Length, file.Bytes);
                foreach (string line in fileLines)
                {
                    string[] fields = line.Split('\t');
                    read.Add(fields[0], int.Parse(fields[1], CultureInfo.InvariantCulture));
                }
            }

            Assert.Equal(expected.Count, read.Count);
            Assert.All(expected, e => Assert.Equal(e.Value, read[e.Key]));
            Assert.Equal(expected.Count, output.Statistics.DistinctKeys);
            Assert.Equal(0, summary!.ResultBytesToCoordinator);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Reduce_tasks_write_json_lines_of_record_keys_and_results()
    {
        string directory = Path.Combine(Path.GetTempPath(), "mrg-out-" + Guid.NewGuid().ToString("N"));
        try
        {
            var sales = TestData.Sales(3000, seed: 45);
            var expected = SalesByRegion.Run(sales);

            var output = await Cluster.Client.MapReduce()
                .RunToFilesAsync<SalesByRegion.MapReduceJob, Sale, RegionYear, long, SalesSummary>(
                    sales, directory, MapReduceFileFormat.JsonLines, new MapReduceOptions { ChunkSize = 300, PartitionCount = 3 });

            Assert.Equal(3, output.Files.Count);
            Assert.All(output.Files, f => Assert.EndsWith(".jsonl", f.Path, StringComparison.Ordinal));
            var read = new Dictionary<RegionYear, SalesSummary>();
            foreach (string line in output.Files.SelectMany(f => File.ReadAllLines(f.Path)))
            {
                using var json = JsonDocument.Parse(line);
                var key = json.RootElement.GetProperty("key").Deserialize<RegionYear>()!;
                read.Add(key, json.RootElement.GetProperty("value").Deserialize<SalesSummary>()!);
            }

            Assert.Equal(expected.Count, read.Count);
            Assert.All(expected, e => Assert.Equal(e.Value, read[e.Key]));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Options_come_from_the_container_and_a_per_call_argument_overrides_them()
    {
        var fromContainer = Cluster.Client.MapReduce();
        var perCall = Cluster.Client.MapReduce(new ClusterExecutionOptions { ShuffleChunkBytes = 8192 });

        Assert.Same(Cluster.Client.ServiceProvider.GetRequiredService<MapReduceClusterExecutor>(), fromContainer);
        Assert.Equal(64 * 1024, fromContainer.ClusterOptions.ShuffleChunkBytes);
        Assert.Equal(TimeSpan.FromSeconds(2), fromContainer.ClusterOptions.TaskTimeout);
        Assert.Equal(8192, perCall.ClusterOptions.ShuffleChunkBytes);
        Assert.Equal(8192, fromContainer.WithOptions(new ClusterExecutionOptions { ShuffleChunkBytes = 8192 }).ClusterOptions.ShuffleChunkBytes);
        Assert.Equal(64 * 1024, await Cluster.GrainFactory.GetGrain<ICoordinatorGrain>(Guid.NewGuid()).ShuffleChunkBytes());
    }

    [Fact]
    public async Task A_grain_that_injects_the_executor_coordinates_a_run()
    {
        var lines = TestData.Lines(1200, seed: 46);
        var expected = WordCountJob.Run(lines);

        var counts = await Cluster.GrainFactory.GetGrain<ICoordinatorGrain>(Guid.NewGuid()).CountWords(lines);

        Assert.Equal(expected.Count, counts.Count);
        Assert.All(expected, e => Assert.Equal(e.Value, counts[e.Key]));
    }

    [Fact]
    public async Task A_file_that_grows_during_the_run_is_read_to_its_length_when_the_source_was_made()
    {
        using var temp = new TempDirectory("mrg-orleans-");
        string directory = temp.Path;
        string file = Path.Combine(directory, "growing.txt");
        var original = TestData.Lines(800, seed: 47);
        File.WriteAllLines(file, original);
        var source = TextSource.FromPaths(file);
        source.SplitBytes = 4096;
        File.AppendAllLines(file, Enumerable.Repeat("appended words after the source was made", 500));

        var actual = await Cluster.Client.MapReduce().RunAsync<WordCountJob.MapReduceJob, string, int>(source);

        TestData.AssertSameEntries(WordCountJob.Run(original), actual);
        Assert.False(actual.ContainsKey("appended"));
        Assert.Equal(source.TotalBytes, actual.Statistics.BytesRead);
    }

    [Fact]
    public async Task Skipped_records_keep_the_first_thousand_and_count_them_all()
    {
        var inputs = Enumerable.Range(0, 3000).Select(i => i % 2 == 0 ? "boom" : "w" + (i % 13)).ToList();
        var local = FailingMapper.Run(inputs, new MapReduceOptions { MaxBadRecords = 2000 });

        var actual = await Cluster.Client.MapReduce().RunAsync<FailingMapper.MapReduceJob, string, string, int>(
            inputs, new MapReduceOptions { ChunkSize = 250, MaxBadRecords = 2000 });

        TestData.AssertSameEntries(local, actual);
        Assert.Equal(1500, actual.Statistics.BadRecordsSkipped);
        Assert.Equal(local.Statistics.BadRecordsSkipped, actual.Statistics.BadRecordsSkipped);
        Assert.Equal(MapReduceStatistics.SkippedRecordsKept, actual.Statistics.SkippedRecords.Count);
        Assert.All(actual.Statistics.SkippedRecords, r => Assert.Equal(0, r.InputIndex % 2));
    }
}
