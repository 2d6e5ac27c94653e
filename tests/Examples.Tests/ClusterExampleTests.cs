using MapReduceGen.Orleans;

namespace MapReduceGen.Examples.Tests;

/// <summary>
/// The same examples on a three-silo Orleans cluster give the same output as the local engine (and so as LINQ):
/// parameters reach the silos, two inputs are mapped by their own mappers, counters are summed over the silos, sorted
/// output is a total order over the cluster's key ranges, and iterations feed one run's output to the next.
/// </summary>
public sealed class ClusterExampleTests(ExampleCluster fixture) : IClassFixture<ExampleCluster>
{
    private static readonly List<string> Lines = ExampleData.Lines(1500, seed: 21);

    private static readonly MapReduceOptions Options = new() { ChunkSize = 100, PartitionCount = 6 };

    private MapReduceClusterExecutor Cluster => fixture.Executor;

    [Fact]
    public async Task Word_statistics_match_the_local_runner()
    {
        Assert.Equal(WordMean.Run(Lines)[WordMean.Key], (await WordMean.RunOnClusterAsync(Cluster, Lines, Options))[WordMean.Key]);
        Assert.Equal(WordMedian.Run(Lines)[WordMedian.Key], (await WordMedian.RunOnClusterAsync(Cluster, Lines, Options))[WordMedian.Key]);
        Assert.Equal(
            WordStandardDeviation.Run(Lines)[WordStandardDeviation.Key],
            (await WordStandardDeviation.RunOnClusterAsync(Cluster, Lines, Options))[WordStandardDeviation.Key], 12);
        Assert.Equal(
            AggregateWordHistogram.Run(Lines)[AggregateWordHistogram.Key],
            (await AggregateWordHistogram.RunOnClusterAsync(Cluster, Lines, Options))[AggregateWordHistogram.Key]);
    }

    [Fact]
    public async Task Grep_sends_its_pattern_to_the_silos_sorts_by_count_and_sums_counters()
    {
        var parameters = new GrepParameters(@"\b(\w*e\w*)\b", Group: 1);

        MapReduceRecords<GrepMatch> matches = await Grep.RunOnClusterAsync(Cluster, Lines, parameters, Options);

        Assert.Equal(LinqReference.Grep(Lines, parameters), matches);
        Assert.Equal(Lines.Count, matches.Statistics.Counters["lines"]);
        Assert.Equal(Grep.Run(Lines, parameters).Statistics.Counters["matching lines"], matches.Statistics.Counters["matching lines"]);
        Assert.Equal(3, matches.Statistics.WorkerCount);
    }

    [Fact]
    public async Task RelativeFrequency_keeps_each_reduce_tasks_marginal_on_its_silo()
    {
        MapReduceRecords<BigramFrequency> frequencies = await RelativeFrequency.RunOnClusterAsync(Cluster, Lines, Options);

        Assert.Equal(LinqReference.RelativeFrequency(Lines), ExampleTests.Sorted(frequencies));
        Assert.Equal(6, frequencies.PartitionCount);
        ExampleTests.AssertSortedWithinPartitions(frequencies);
    }

    [Fact]
    public async Task SecondarySort_and_TotalOrderSort_are_sorted_across_the_silos()
    {
        List<IntPair> pairs = ExampleData.Pairs(2000, seed: 22);
        List<SortRecord> records = ExampleData.SortRecords(5000, seed: 23);

        Assert.Equal(LinqReference.SecondarySort(pairs), await SecondarySort.RunOnClusterAsync(Cluster, pairs, Options));
        MapReduceRecords<SortRecord> sorted = await TotalOrderSort.RunOnClusterAsync(Cluster, records, Options);
        Assert.Equal(LinqReference.TotalOrderSort(records), sorted);
        Assert.Equal(6, sorted.PartitionCount);
        ExampleTests.AssertTotalOrder(sorted);
    }

    [Fact]
    public async Task Join_maps_each_input_with_its_own_mapper()
    {
        List<Customer> customers = ExampleData.Customers(100);
        List<Order> orders = ExampleData.Orders(1500, 100, seed: 24);

        MapReduceRecords<JoinedOrder> joined = await Join.RunOnClusterAsync(Cluster, customers, orders, Options);

        Assert.Equal(LinqReference.Join(customers, orders), joined);
        Assert.Equal(orders.Count(o => o.CustomerId > 100), joined.Statistics.Counters["orders without a customer"]);
    }

    [Fact]
    public async Task QuasiMonteCarlo_and_InvertedIndex_match_the_local_runner()
    {
        MapReduceResult<string, double> pi = await QuasiMonteCarlo.RunOnClusterAsync(Cluster, Enumerable.Range(0, 6), new PiParameters(5_000), Options);
        Assert.Equal(LinqReference.QuasiMonteCarlo(6, 5_000), pi[QuasiMonteCarlo.Key]);

        List<Document> documents = ExampleData.Documents(200, seed: 25);
        MapReduceResult<string, int[]> index = await InvertedIndex.RunOnClusterAsync(Cluster, documents, Options);
        Assert.Equal(LinqReference.InvertedIndex(documents), index);
        Assert.Equal(documents.Count, index.Statistics.Counters["documents"]);
    }

    [Fact]
    public async Task PageRank_and_KMeans_iterate_on_the_cluster()
    {
        List<Page> pages = ExampleData.Pages(150, seed: 26);
        var parameters = new PageRankParameters(pages.Count);
        List<Page> expectedPages = LinqReference.PageRank(pages, parameters, iterations: 4);
        for (int i = 0; i < 4; i++)
        {
            pages = [.. await PageRank.RunOnClusterAsync(Cluster, pages, parameters, Options)];
        }

        ExampleTests.AssertSamePages(expectedPages, pages);

        List<Point> points = ExampleData.Points(1000, clusters: 3, seed: 27);
        Point[] centroids = [.. points.Take(3)];
        Point[] expectedCentroids = LinqReference.KMeans(points, centroids, iterations: 4);
        for (int i = 0; i < 4; i++)
        {
            var result = await KMeans.RunOnClusterAsync(Cluster, points, Enumerable.Range(0, centroids.Length), new KMeansParameters(centroids), Options);
            centroids = [.. result.Values];
        }

        ExampleTests.AssertSamePoints(expectedCentroids, centroids);
    }

    [Fact]
    public async Task Grep_over_text_files_samples_key_ranges_from_the_files_and_matches_the_local_runner()
    {
        using var temp = new TempDirectory("mrg-examples-");
        string directory = temp.Path;
        File.WriteAllLines(Path.Combine(directory, "a.txt"), Lines.Take(800));
        File.WriteAllLines(Path.Combine(directory, "b.txt"), Lines.Skip(800));
        var parameters = new GrepParameters(@"\w+");
        var source = TextSource.FromPaths(directory);
        source.SplitBytes = 4 * 1024;

        MapReduceRecords<GrepMatch> matches = await Grep.RunOnClusterAsync(Cluster, source, parameters, Options);

        Assert.Equal(LinqReference.Grep(Lines, parameters), matches);
        Assert.Equal(Lines.Count, matches.Statistics.Counters["lines"]);
    }

    [Fact]
    public async Task StreamOnClusterAsync_hands_over_what_RunOnClusterAsync_returns()
    {
        List<Document> documents = ExampleData.Documents(200, seed: 28);
        var entries = new List<KeyValuePair<string, int[]>>();
        await foreach (MapReducePartition<string, int[]> part in InvertedIndex.StreamOnClusterAsync(Cluster, documents, Options))
        {
            Assert.Equal(6, part.PartitionCount);
            entries.AddRange(part.Entries);
        }

        // Partitions come as their reduce tasks complete; each is in key order.
        Assert.Equal(LinqReference.InvertedIndex(documents), entries.OrderBy(e => e.Key, StringComparer.Ordinal));

        var parameters = new GrepParameters(@"\b(\w*o\w*)\b", Group: 1);
        var matches = new List<GrepMatch>();
        await foreach (MapReduceRecordPartition<GrepMatch> part in Grep.StreamOnClusterAsync(Cluster, Lines, parameters, Options))
        {
            matches.AddRange(part.Records);
        }

        Assert.Equal(
            LinqReference.Grep(Lines, parameters).OrderBy(m => m.Text, StringComparer.Ordinal),
            matches.OrderBy(m => m.Text, StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunOnClusterToFilesAsync_writes_what_RunOnClusterAsync_returns()
    {
        string directory = Path.Combine(Path.GetTempPath(), "mrg-cluster-files-" + Guid.NewGuid().ToString("N"));
        try
        {
            List<SortRecord> records = ExampleData.SortRecords(3000, seed: 29);
            MapReduceFileOutput output = await TotalOrderSort.RunOnClusterToFilesAsync(Cluster, records, directory, options: Options);

            Assert.Equal(6, output.Files.Count);
            Assert.True(File.Exists(Path.Combine(directory, "_SUCCESS")));
            Assert.Equal(
                LinqReference.TotalOrderSort(records).Select(r => r.ToString()),
                output.Files.SelectMany(f => File.ReadAllLines(f.Path)));

            List<Point> points = ExampleData.Points(500, clusters: 3, seed: 30);
            var parameters = new KMeansParameters([.. points.Take(3)]);
            output = await KMeans.RunOnClusterToFilesAsync(
                Cluster, points, Enumerable.Range(0, 3), parameters, directory, MapReduceFileFormat.Tsv, Options);
            string[] lines = [.. output.Files.SelectMany(f => File.ReadAllLines(f.Path))];
            Assert.Equal(["0", "1", "2"], lines.Select(l => l.Split('\t')[0]));
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
    public async Task A_failing_mapper_of_the_second_input_is_named_as_it_is_locally()
    {
        List<Customer> customers = ExampleData.Customers(10);
        List<Order> orders = [new Order(1, 1, 5m), null!, new Order(3, 2, 1m)];

        var local = Assert.Throws<MapReduceException>(() => Join.Run(customers, orders));
        var cluster = await Assert.ThrowsAsync<MapReduceException>(() => Join.RunOnClusterAsync(Cluster, customers, orders, new MapReduceOptions { ChunkSize = 2 }));

        Assert.Equal("orders", local.InputName);
        Assert.Equal(1, local.InputIndex);
        Assert.Equal(local.InputName, cluster.InputName);
        Assert.Equal(local.InputIndex, cluster.InputIndex);
        Assert.Equal(MapReducePhase.Map, cluster.Phase);
    }
}
