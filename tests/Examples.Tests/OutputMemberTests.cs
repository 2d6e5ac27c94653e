using System.Globalization;

namespace MapReduceGen.Examples.Tests;

/// <summary>
/// The generated members for output larger than memory, run locally: <c>StreamAsync</c> hands over exactly what
/// <c>Run</c> returns, partition by partition (in key order for a job sorted by key), and <c>RunToFilesAsync</c> writes it,
/// one file per partition, for jobs of results and of records, sequences and text files, one input and two, with
/// parameters.
/// </summary>
public sealed class OutputMemberTests
{
    private static readonly MapReduceOptions Options = new() { MaxDegreeOfParallelism = 3, PartitionCount = 5, ChunkSize = 50 };

    private static readonly List<string> Lines = ExampleData.Lines(2000, seed: 31);

    [Fact]
    public async Task StreamAsync_of_a_result_job_sorted_by_key_gives_the_entries_of_Run_in_their_order()
    {
        List<Document> documents = ExampleData.Documents(300, seed: 32);
        MapReduceResult<string, int[]> expected = InvertedIndex.Run(documents, Options);

        var parts = new List<MapReducePartition<string, int[]>>();
        await foreach (MapReducePartition<string, int[]> part in InvertedIndex.StreamAsync(documents, Options))
        {
            parts.Add(part);
        }

        Assert.Equal(expected.Keys, parts.SelectMany(p => p.Entries).Select(e => e.Key));
        Assert.All(parts.SelectMany(p => p.Entries), entry => Assert.Equal(expected[entry.Key], entry.Value));
        Assert.All(parts, part => Assert.Equal(5, part.PartitionCount));
        Assert.Equal(parts.Select(p => p.Partition).Order(), parts.Select(p => p.Partition));
    }

    [Fact]
    public async Task StreamAsync_with_two_inputs_and_parameters_gives_the_results_of_Run()
    {
        List<Point> points = ExampleData.Points(800, clusters: 3, seed: 33);
        var parameters = new KMeansParameters([.. points.Take(3)]);
        MapReduceResult<int, Point> expected = KMeans.Run(points, Enumerable.Range(0, 3), parameters, Options);

        var entries = new List<KeyValuePair<int, Point>>();
        await foreach (MapReducePartition<int, Point> part in KMeans.StreamAsync(points, Enumerable.Range(0, 3), parameters, Options))
        {
            entries.AddRange(part.Entries);
        }

        Assert.Equal(expected.Keys, entries.Select(e => e.Key));
        // Sums are combined in whatever order the workers meet them: equal to the last bits or so.
        ExampleTests.AssertSamePoints([.. expected.Values], [.. entries.Select(e => e.Value)]);
    }

    [Fact]
    public async Task StreamAsync_of_a_record_job_over_text_files_gives_the_records_of_Run()
    {
        string directory = Directory.CreateTempSubdirectory("mrg-output-").FullName;
        try
        {
            File.WriteAllLines(Path.Combine(directory, "a.txt"), Lines.Take(900));
            File.WriteAllLines(Path.Combine(directory, "b.txt"), Lines.Skip(900));
            var parameters = new GrepParameters(@"\b(\w*a\w*)\b", Group: 1);
            MapReduceRecords<GrepMatch> expected = Grep.Run(TextSource.FromPaths(directory), parameters, Options);

            var records = new List<GrepMatch>();
            await foreach (MapReduceRecordPartition<GrepMatch> part in Grep.StreamAsync(TextSource.FromPaths(directory), parameters, Options))
            {
                records.AddRange(part.Records);
            }

            // Each partition comes in the [OutputComparer]'s order; Run merges them into one order.
            Assert.Equal(expected.OrderBy(m => m.Text, StringComparer.Ordinal), records.OrderBy(m => m.Text, StringComparer.Ordinal));
            Assert.Equal(Reference.Grep(Lines, parameters), expected);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task StreamAsync_of_a_record_job_with_two_inputs_sorted_by_key_gives_the_records_of_Run_in_order()
    {
        List<Customer> customers = ExampleData.Customers(200);
        List<Order> orders = ExampleData.Orders(3000, 200, seed: 34);

        var records = new List<JoinedOrder>();
        await foreach (MapReduceRecordPartition<JoinedOrder> part in Join.StreamAsync(customers, orders, Options))
        {
            records.AddRange(part.Records);
        }

        Assert.Equal(Join.Run(customers, orders, Options), records);
    }

    [Fact]
    public async Task RunToFilesAsync_writes_the_records_of_Run_one_file_per_partition_in_key_order()
    {
        List<SortRecord> input = ExampleData.SortRecords(6000, seed: 35);
        string directory = Path.Combine(Path.GetTempPath(), "mrg-files-" + Guid.NewGuid().ToString("N"));
        try
        {
            MapReduceFileOutput output = await TotalOrderSort.RunToFilesAsync(input, directory, options: Options);

            Assert.Equal(5, output.Files.Count);
            Assert.True(File.Exists(Path.Combine(directory, "_SUCCESS")));
            string[] lines = [.. output.Files.SelectMany(f => File.ReadAllLines(f.Path))];
            Assert.Equal(TotalOrderSort.Run(input, Options).Select(r => r.ToString()), lines);
            Assert.Equal(input.Count, output.Files.Sum(f => f.Records));
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
    public async Task RunToFilesAsync_over_text_files_with_parameters_writes_what_Run_returns()
    {
        string root = Directory.CreateTempSubdirectory("mrg-output-").FullName;
        try
        {
            string input = Path.Combine(root, "input.txt");
            File.WriteAllLines(input, Lines);
            string directory = Path.Combine(root, "out");

            MapReduceFileOutput output = await QuasiMonteCarlo.RunToFilesAsync(
                Enumerable.Range(0, 4), new PiParameters(2_000), directory, MapReduceFileFormat.Tsv, Options);
            MapReduceResult<string, double> pi = QuasiMonteCarlo.Run(Enumerable.Range(0, 4), new PiParameters(2_000), Options);
            string line = Assert.Single(output.Files.SelectMany(f => File.ReadAllLines(f.Path)));
            Assert.Equal(QuasiMonteCarlo.Key + "\t" + pi[QuasiMonteCarlo.Key].ToString(CultureInfo.InvariantCulture), line);

            var parameters = new GrepParameters(@"\w{6,}");
            output = await Grep.RunToFilesAsync(TextSource.FromPaths(input), parameters, directory, options: Options);
            string[] lines = [.. output.Files.SelectMany(f => File.ReadAllLines(f.Path))];
            Assert.Equal(
                Grep.Run(TextSource.FromPaths(input), parameters, Options).Select(m => m.ToString()).Order(StringComparer.Ordinal),
                lines.Order(StringComparer.Ordinal));
            Assert.Equal(Lines.Count, output.Statistics.Counters["lines"]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
