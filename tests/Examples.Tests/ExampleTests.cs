using System.Text.RegularExpressions;
namespace MapReduceGen.Examples.Tests;

/// <summary>
/// Every example, run by the local engine on generated data, gives what a plain LINQ computation gives: the whole answer
/// in the job (nothing sorted, filtered or finished here), with several workers and partitions.
/// </summary>
public sealed class ExampleTests
{
    private static readonly MapReduceOptions Options = new() { MaxDegreeOfParallelism = 3, PartitionCount = 7, ChunkSize = 50 };

    private static readonly List<string> Lines = ExampleData.Lines(3000, seed: 11);

    [Fact]
    public void WordMean_is_the_mean_word_length()
    {
        MapReduceResult<string, double> result = WordMean.Run(Lines, Options);

        Assert.Equal(LinqReference.WordMean(Lines), Assert.Single(result).Value);
    }

    [Fact]
    public void WordMedian_is_the_median_word_length()
    {
        Assert.Equal(LinqReference.WordMedian(Lines), WordMedian.Run(Lines, Options)[WordMedian.Key]);
        string[] even = ["a bb ccc dddd"];
        Assert.Equal(2.5, WordMedian.Run(even)[WordMedian.Key]);
    }

    [Fact]
    public void WordStandardDeviation_is_the_standard_deviation_of_word_lengths()
    {
        Assert.Equal(LinqReference.WordStandardDeviation(Lines), WordStandardDeviation.Run(Lines, Options)[WordStandardDeviation.Key], 12);
    }

    [Fact]
    public void Grep_counts_matches_most_frequent_first_and_counts_lines()
    {
        var parameters = new GrepParameters(@"\b(\w*a\w*)\b", Group: 1);

        MapReduceRecords<GrepMatch> matches = Grep.Run(Lines, parameters, Options);

        Assert.Equal(LinqReference.Grep(Lines, parameters), matches);
        Assert.Equal(Lines.Count, matches.Statistics.Counters["lines"]);
        Assert.Equal(Lines.Count(l => new Regex(parameters.Pattern).IsMatch(l)), matches.Statistics.Counters["matching lines"]);
    }

    [Fact]
    public void RelativeFrequency_divides_each_pair_by_its_left_words_total_in_one_pass()
    {
        MapReduceRecords<BigramFrequency> frequencies = RelativeFrequency.Run(Lines, Options);

        Assert.Equal(LinqReference.RelativeFrequency(Lines), Sorted(frequencies));
        AssertSortedWithinPartitions(frequencies);
    }

    /// <summary>Each partition's pairs are in key order and belong to the partitioner's partition (no total order).</summary>
    internal static void AssertSortedWithinPartitions(MapReduceRecords<BigramFrequency> frequencies)
    {
        for (int p = 0; p < frequencies.PartitionCount; p++)
        {
            IReadOnlyList<BigramFrequency> partition = frequencies.Partition(p);
            Assert.All(partition, f => Assert.Equal(p, RelativeFrequency.ByLeftWord((f.Left, f.Right), frequencies.PartitionCount)));
            Assert.Equal(partition.OrderBy(f => f.Left, StringComparer.Ordinal).ThenBy(f => f.Right, StringComparer.Ordinal), partition);
        }
    }

    internal static List<BigramFrequency> Sorted(IEnumerable<BigramFrequency> frequencies) =>
        [.. frequencies.OrderBy(f => f.Left, StringComparer.Ordinal).ThenBy(f => f.Right, StringComparer.Ordinal)];

    [Fact]
    public async Task Grep_runs_with_different_patterns_overlap_correctly()
    {
        string[] patterns = [@"\bma\w*", @"\w*e\b", @"\bpa\w+", @"\w{8,}"];

        MapReduceRecords<GrepMatch>[] results = await Task.WhenAll(patterns.Select(p => Grep.RunAsync(Lines, new GrepParameters(p), Options)));

        for (int i = 0; i < patterns.Length; i++)
        {
            Assert.Equal(LinqReference.Grep(Lines, new GrepParameters(patterns[i])), results[i]);
        }
    }

    [Fact]
    public void SecondarySort_sorts_pairs_by_first_then_second()
    {
        List<IntPair> pairs = ExampleData.Pairs(5000, seed: 12);

        Assert.Equal(LinqReference.SecondarySort(pairs), SecondarySort.Run(pairs, Options));
    }

    [Fact]
    public void Join_is_an_inner_join_of_two_inputs()
    {
        List<Customer> customers = ExampleData.Customers(300);
        List<Order> orders = ExampleData.Orders(4000, 300, seed: 13);

        MapReduceRecords<JoinedOrder> joined = Join.Run(customers, orders, Options);

        Assert.Equal(LinqReference.Join(customers, orders), joined);
        Assert.Equal(orders.Count(o => o.CustomerId > 300), joined.Statistics.Counters["orders without a customer"]);
    }

    [Fact]
    public void TotalOrderSort_sorts_across_key_range_partitions()
    {
        List<SortRecord> records = ExampleData.SortRecords(20_000, seed: 14);

        MapReduceRecords<SortRecord> sorted = TotalOrderSort.Run(records, Options);

        Assert.Equal(LinqReference.TotalOrderSort(records), sorted);
        AssertTotalOrder(sorted);
    }

    [Fact]
    public void AggregateWordHistogram_summarises_word_frequencies()
    {
        Assert.Equal(LinqReference.AggregateWordHistogram(Lines), AggregateWordHistogram.Run(Lines, Options)[AggregateWordHistogram.Key]);
    }

    [Fact]
    public void QuasiMonteCarlo_estimates_pi()
    {
        MapReduceResult<string, double> result = QuasiMonteCarlo.Run(Enumerable.Range(0, 12), new PiParameters(20_000), Options);

        Assert.Equal(LinqReference.QuasiMonteCarlo(12, 20_000), result[QuasiMonteCarlo.Key]);
        Assert.Equal(Math.PI, result[QuasiMonteCarlo.Key], 3);
    }

    [Fact]
    public void InvertedIndex_lists_each_words_documents_in_order()
    {
        List<Document> documents = ExampleData.Documents(400, seed: 15);

        MapReduceResult<string, int[]> index = InvertedIndex.Run(documents, Options);

        Assert.Equal(LinqReference.InvertedIndex(documents), index);
        Assert.Equal(documents.Count, index.Statistics.Counters["documents"]);
    }

    [Fact]
    public void PageRank_iterations_match_the_plain_computation()
    {
        List<Page> pages = ExampleData.Pages(500, seed: 16);
        var parameters = new PageRankParameters(pages.Count);
        List<Page> expected = LinqReference.PageRank(pages, parameters, iterations: 10);

        for (int i = 0; i < 10; i++)
        {
            pages = [.. PageRank.Run(pages, parameters, Options)];
        }

        AssertSamePages(expected, pages);
    }

    [Fact]
    public void KMeans_iterations_match_the_plain_computation()
    {
        List<Point> points = ExampleData.Points(4000, clusters: 5, seed: 17);
        Point[] initial = [.. points.Take(5)];
        Point[] expected = LinqReference.KMeans(points, initial, iterations: 8);

        Point[] centroids = initial;
        for (int i = 0; i < 8; i++)
        {
            centroids = [.. KMeans.Run(points, Enumerable.Range(0, centroids.Length), new KMeansParameters(centroids), Options).Values];
        }

        AssertSamePoints(expected, centroids);
    }

    internal static void AssertTotalOrder(MapReduceRecords<SortRecord> sorted)
    {
        string? previous = null;
        int nonEmpty = 0;
        for (int p = 0; p < sorted.PartitionCount; p++)
        {
            IReadOnlyList<SortRecord> partition = sorted.Partition(p);
            if (partition.Count == 0)
            {
                continue;
            }

            nonEmpty++;
            Assert.True(previous is null || string.CompareOrdinal(previous, partition[0].Key) < 0, $"partition {p} overlaps the one before");
            previous = partition[^1].Key;
        }

        Assert.True(nonEmpty > 1, "the records landed in a single partition");
    }

    internal static void AssertSamePages(IReadOnlyList<Page> expected, IReadOnlyList<Page> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Id, actual[i].Id);
            Assert.Equal(expected[i].Links, actual[i].Links);
            Assert.Equal(expected[i].Rank, actual[i].Rank, 1e-12);
        }
    }

    internal static void AssertSamePoints(IReadOnlyList<Point> expected, IReadOnlyList<Point> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].X, actual[i].X, 1e-9);
            Assert.Equal(expected[i].Y, actual[i].Y, 1e-9);
        }
    }
}
