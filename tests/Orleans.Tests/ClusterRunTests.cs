using MapReduceGen.Orleans.Tests.Infrastructure;
using MapReduceGen.Orleans.Tests.Jobs;
using Orleans.TestingHost;
using Sample.WordCount;

namespace MapReduceGen.Orleans.Tests;

/// <summary>Jobs on a three-silo in-memory cluster give exactly what the local runner gives, and fail the same way.</summary>
public sealed class ClusterRunTests(InMemoryClusterFixture fixture) : IClassFixture<InMemoryClusterFixture>
{
    private TestCluster Cluster => fixture.Cluster;

    private MapReduceClusterExecutor Executor(Action<ClusterTaskEvent>? onEvent = null) =>
        Cluster.Client.MapReduce(TestClusters.FastFailover(onEvent));

    [Fact]
    public async Task Word_count_over_lines_matches_the_local_runner_and_spreads_tasks_over_the_silos()
    {
        var lines = TestData.Lines(3000, seed: 1);
        var silos = new HashSet<string>();
        var expected = WordCountJob.Run(lines);

        var actual = await Executor(e => { lock (silos) { if (e.Kind == ClusterTaskEventKind.Started && e.Silo is { } s) { silos.Add(s); } } })
            .RunAsync<WordCountJob.MapReduceJob, string, string, int>(lines, new MapReduceOptions { ChunkSize = 100 });

        TestData.AssertSameEntries(expected, actual);
        Assert.Equal(expected.Top(20), actual.Top(20));
        Assert.Equal(lines.Count, actual.Statistics.InputsRead);
        Assert.Equal(expected.Statistics.PairsEmitted, actual.Statistics.PairsEmitted);
        Assert.Equal(3, actual.Statistics.WorkerCount);
        Assert.True(silos.Count >= 2, $"30 map tasks and their reduces ran on only {silos.Count} silo(s)");
    }

    [Fact]
    public async Task Word_count_over_text_files_reads_splits_on_the_silos_and_matches_the_local_runner()
    {
        using var temp = new TempDirectory("mrg-orleans-");
        string directory = temp.Path;
        File.WriteAllLines(Path.Combine(directory, "a.txt"), TestData.Lines(2000, seed: 2));
        File.WriteAllText(Path.Combine(directory, "b.txt"), string.Join("\r\n", TestData.Lines(1500, seed: 3)));
        var expected = WordCountJob.Run(TextSource.FromPaths(directory));
        var source = TextSource.FromPaths(directory);
        source.SplitBytes = 8 * 1024;
        var events = new List<ClusterTaskEvent>();

        var actual = await Executor(e => { lock (events) { events.Add(e); } })
            .RunAsync<WordCountJob.MapReduceJob, string, int>(source);

        TestData.AssertSameEntries(expected, actual);
        Assert.Equal(expected.Statistics.InputsRead, actual.Statistics.InputsRead);
        Assert.Equal(source.TotalBytes, actual.Statistics.BytesRead);
        Assert.Equal(
            source.CreateSplits(8 * 1024).Count,
            events.Count(e => e.Kind == ClusterTaskEventKind.Completed && e.Phase == MapReducePhase.Map));
    }

    [Fact]
    public async Task Record_keyed_grouping_job_matches_the_local_runner()
    {
        var sales = TestData.Sales(5000, seed: 4);
        var expected = SalesByRegion.Run(sales);

        var actual = await Executor().RunAsync<SalesByRegion.MapReduceJob, Sale, RegionYear, long, SalesSummary>(
            sales, new MapReduceOptions { ChunkSize = 250, PartitionCount = 7 });

        TestData.AssertSameEntries(expected, actual);
        Assert.Equal(50, actual.Count);
        Assert.Equal(sales.Count, actual.Statistics.PairsEmitted);
        Assert.Equal(7, actual.Statistics.PartitionCount);
    }

    [Fact]
    public async Task The_generated_cluster_members_register_and_run_a_job_without_type_arguments()
    {
        // SalesByRegion is registered with its generated AddToSilo (TestSiloConfigurator) and run with its generated
        // RunOnClusterAsync: the generator spells the job's type arguments because this project references
        // MapReduceGen.Orleans.
        var sales = TestData.Sales(2000, seed: 6);
        var expected = SalesByRegion.Run(sales);

        MapReduceResult<RegionYear, SalesSummary> actual = await SalesByRegion.RunOnClusterAsync(
            Executor(), sales, new MapReduceOptions { ChunkSize = 200 });

        TestData.AssertSameEntries(expected, actual);
        Assert.Equal(sales.Count, actual.Statistics.InputsRead);
        await Assert.ThrowsAsync<ArgumentNullException>(() => SalesByRegion.RunOnClusterAsync(null!, sales));
    }

    [Fact]
    public async Task The_generated_text_overload_runs_a_line_job_over_files_on_the_cluster()
    {
        using var temp = new TempDirectory("mrg-orleans-");
        string directory = temp.Path;
        string[] cities = ["France", "Japan", "Peru"];
        File.WriteAllLines(
            Path.Combine(directory, "cities.txt"), Enumerable.Range(0, 600).Select(i => $"{cities[i % 3]}/city{i % 7}"));
        var expected = CityCount.Run(TextSource.FromPaths(directory));

        MapReduceResult<CityKey, int> actual = await CityCount.RunOnClusterAsync(Executor(), TextSource.FromPaths(directory));

        TestData.AssertSameEntries(expected, actual);
        Assert.Equal(21, actual.Count);
    }

    [Fact]
    public async Task A_plain_record_key_works_through_a_codec_registered_on_silos_and_client()
    {
        string[] cities = ["France", "Japan", "Peru"];
        var inputs = Enumerable.Range(0, 900).Select(i => $"{cities[i % 3]}/city{i % 11}").ToList();
        var expected = CityCount.Run(inputs);

        var actual = await Executor().RunAsync<CityCount.MapReduceJob, string, CityKey, int>(inputs, new MapReduceOptions { ChunkSize = 100 });

        TestData.AssertSameEntries(expected, actual);
        Assert.Equal(33, actual.Count);
    }

    [Fact]
    public async Task Empty_input_gives_an_empty_result()
    {
        var actual = await Executor().RunAsync<WordCountJob.MapReduceJob, string, string, int>([]);

        Assert.Empty(actual);
        Assert.Equal(0, actual.Statistics.InputsRead);
    }

    [Fact]
    public async Task A_throwing_mapper_fails_the_run_with_the_local_runners_exception()
    {
        var inputs = Enumerable.Range(0, 500).Select(i => i == 321 ? "boom" : "w" + (i % 7)).ToList();
        var local = Assert.Throws<MapReduceException>(() => FailingMapper.Run(inputs));

        var remote = await Assert.ThrowsAsync<MapReduceException>(() =>
            Executor().RunAsync<FailingMapper.MapReduceJob, string, string, int>(inputs, new MapReduceOptions { ChunkSize = 50 }));

        Assert.Equal(MapReducePhase.Map, remote.Phase);
        Assert.Equal(local.InputIndex, remote.InputIndex);
        Assert.Equal(321, remote.InputIndex);
        Assert.Equal(local.JobName, remote.JobName);
        var inner = Assert.IsType<InvalidOperationException>(remote.InnerException);
        Assert.Equal("the mapper cannot digest boom", inner.Message);
    }

    [Fact]
    public async Task A_throwing_input_sequence_fails_the_run_naming_the_input_it_was_reading()
    {
        static IEnumerable<string> Inputs()
        {
            for (int i = 0; i < 250; i++)
            {
                yield return "word" + (i % 5);
            }

            throw new IOException("the input went away");
        }

        var remote = await Assert.ThrowsAsync<MapReduceException>(() =>
            Executor().RunAsync<WordCountJob.MapReduceJob, string, string, int>(Inputs(), new MapReduceOptions { ChunkSize = 100 }));

        Assert.Equal(MapReducePhase.Map, remote.Phase);
        Assert.Equal(250, remote.InputIndex);
        Assert.IsType<IOException>(remote.InnerException);
    }

    [Fact]
    public async Task Bad_records_are_skipped_up_to_MaxBadRecords_as_in_the_local_runner()
    {
        var inputs = Enumerable.Range(0, 600).Select(i => i is 17 or 333 or 598 ? "boom" : "w" + (i % 9)).ToList();
        var options = new MapReduceOptions { ChunkSize = 64, MaxBadRecords = 3 };
        var expected = FailingMapper.Run(inputs, new MapReduceOptions { MaxBadRecords = 3 });

        var actual = await Executor().RunAsync<FailingMapper.MapReduceJob, string, string, int>(inputs, options);

        TestData.AssertSameEntries(expected, actual);
        Assert.Equal([17L, 333L, 598L], actual.Statistics.SkippedRecords.Select(r => r.InputIndex).Order());
        Assert.All(actual.Statistics.SkippedRecords, r => Assert.IsType<InvalidOperationException>(r.Exception));
        Assert.Equal(600, actual.Statistics.InputsRead);
    }

    [Fact]
    public async Task More_bad_records_than_MaxBadRecords_fail_the_run()
    {
        var inputs = Enumerable.Range(0, 600).Select(i => i is 17 or 333 or 598 ? "boom" : "w" + (i % 9)).ToList();
        var local = Assert.Throws<MapReduceException>(() => FailingMapper.Run(inputs, new MapReduceOptions { MaxBadRecords = 2 }));

        var remote = await Assert.ThrowsAsync<MapReduceException>(() =>
            Executor().RunAsync<FailingMapper.MapReduceJob, string, string, int>(
                inputs, new MapReduceOptions { ChunkSize = 64, MaxBadRecords = 2 }));

        Assert.Contains("MaxBadRecords", remote.Message, StringComparison.Ordinal);
        Assert.Contains("MaxBadRecords", local.Message, StringComparison.Ordinal);
        Assert.Equal(MapReducePhase.Map, remote.Phase);
        Assert.IsType<InvalidOperationException>(remote.InnerException);
    }

    [Fact]
    public async Task A_throwing_mapper_over_text_names_the_file_and_line()
    {
        using var temp = new TempDirectory("mrg-orleans-");
        string directory = temp.Path;
        string file = Path.Combine(directory, "input.txt");
        File.WriteAllLines(file, Enumerable.Range(1, 400).Select(i => i == 377 ? "boom" : "line" + i));
        var local = Assert.Throws<MapReduceException>(() => FailingMapper.Run(TextSource.FromPaths(file)));
        var source = TextSource.FromPaths(file);
        source.SplitBytes = 512;

        var remote = await Assert.ThrowsAsync<MapReduceException>(() =>
            Executor().RunAsync<FailingMapper.MapReduceJob, string, int>(source));

        Assert.Equal(file, remote.Path);
        Assert.Equal(377, remote.LineNumber);
        Assert.Equal(local.LineNumber, remote.LineNumber);
        Assert.Equal(local.InputIndex, remote.InputIndex);
    }

    [Fact]
    public async Task A_throwing_reducer_names_the_key()
    {
        var sales = TestData.Sales(300, seed: 5);
        sales.Add(new Sale("Atlantis", 2020, 5));

        var remote = await Assert.ThrowsAsync<MapReduceException>(() =>
            Executor().RunAsync<SalesByRegion.MapReduceJob, Sale, RegionYear, long, SalesSummary>(sales));

        Assert.Equal(MapReducePhase.Reduce, remote.Phase);
        Assert.Equal(new RegionYear("Atlantis", 2020), remote.Key);
        Assert.IsType<InvalidOperationException>(remote.InnerException);
    }

    [Fact]
    public async Task A_job_no_silo_registered_fails_with_an_error_that_says_how_to_register_it()
    {
        var error = await Assert.ThrowsAsync<MapReduceClusterException>(() =>
            Executor().RunAsync<UnregisteredJob.MapReduceJob, string, string, int>(["a", "b"]));

        Assert.Contains("UnregisteredJob", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddMapReduceJob", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_type_Orleans_cannot_serialize_is_refused_before_any_task_runs()
    {
        var events = new List<ClusterTaskEvent>();

        var error = await Assert.ThrowsAsync<MapReduceClusterException>(() =>
            Executor(events.Add).RunAsync<PlainKeyJob.MapReduceJob, string, PlainKey, int>(["a", "b"]));

        Assert.Contains(typeof(PlainKey).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("GenerateSerializer", error.Message, StringComparison.Ordinal);
        Assert.Empty(events);
    }

    [Fact]
    public async Task A_key_type_a_silo_cannot_serialize_fails_the_run_at_once_naming_the_type()
    {
        var error = await Assert.ThrowsAsync<MapReduceClusterException>(() =>
            Executor().RunAsync<ClientOnlyKeyJob.MapReduceJob, string, ClientOnlyKey, int>(["a", "b", "c"])
                .WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Contains(typeof(ClientOnlyKey).FullName!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_reports_the_inputs_read_and_the_partitions_reduced()
    {
        var lines = TestData.Lines(1000, seed: 7);
        var reports = new List<MapReduceProgress>();
        var progress = new ListProgress(reports);

        var result = await Executor().RunAsync<WordCountJob.MapReduceJob, string, string, int>(
            lines, new MapReduceOptions { ChunkSize = 100, PartitionCount = 5, Progress = progress });

        var last = reports[^1];
        Assert.Equal(MapReducePhase.Completed, last.Phase);
        Assert.Equal(lines.Count, last.InputsRead);
        Assert.Equal(result.Statistics.PairsEmitted, last.PairsEmitted);
        Assert.Equal(5, last.PartitionCount);
        Assert.Contains(reports, r => r.Phase == MapReducePhase.Map);
    }

    [Theory]
    [InlineData(MapReducePhase.Map)]
    [InlineData(MapReducePhase.Completed)]
    public async Task A_throwing_progress_reporter_fails_the_run_naming_it(MapReducePhase throwsAt)
    {
        var lines = TestData.Lines(600, seed: 9);
        var progress = new Progress(report =>
        {
            if (report.Phase == throwsAt)
            {
                throw new InvalidOperationException("progress bar gone");
            }
        });

        var error = await Assert.ThrowsAsync<MapReduceException>(() => Executor().RunAsync<WordCountJob.MapReduceJob, string, string, int>(
            lines, new MapReduceOptions { ChunkSize = 100, PartitionCount = 3, Progress = progress }));

        Assert.Contains("the progress reporter threw", error.Message, StringComparison.Ordinal);
        Assert.Equal(throwsAt == MapReducePhase.Map ? MapReducePhase.Map : MapReducePhase.Reduce, error.Phase);
        Assert.Equal("progress bar gone", error.InnerException?.Message);
    }

    // Calls back on the reporting thread (System.Progress posts to the thread pool, which would lose the exception).
    private sealed class Progress(Action<MapReduceProgress> report) : IProgress<MapReduceProgress>
    {
        public void Report(MapReduceProgress value) => report(value);
    }

    [Fact]
    public async Task Cancelling_a_run_throws_OperationCanceledException()
    {
        var lines = TestData.Lines(400, seed: 6);
        using var cancel = new CancellationTokenSource();
        TestGates.Map.Close();
        try
        {
            var run = Executor(e =>
                {
                    if (e.Kind == ClusterTaskEventKind.Started)
                    {
                        cancel.Cancel();
                    }
                })
                .RunAsync<GatedWordCount.MapReduceJob, string, string, int>(
                    lines, new MapReduceOptions { ChunkSize = 50, CancellationToken = cancel.Token });

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            TestGates.Map.Open();
        }
    }
}
