using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Results;

/// <summary>
/// A [Partitioner] with a key order (SortByKey or a [KeyComparer]): every partition holds exactly the keys the partitioner
/// chose for it, sorted by the key order, with no total order across partitions; in memory, spilled to disk and
/// streamed, with the counts LINQ gives.
/// </summary>
public sealed class PartitionerWithKeyOrderTests : IDisposable
{
    private readonly TempDirectory _spill = new();

    public void Dispose() => _spill.Dispose();

    private static string[] Lines(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => string.Join(' ', Enumerable.Range(0, 8).Select(_ => "w" + random.Next(150))))];
    }

    private static Dictionary<(string, string), int> PairCounts(string[] lines) =>
        lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .SelectMany(w => w.Skip(1).Select((right, i) => (w[i], right)))
            .GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());

    private static int CompareOrdinal((string Left, string Right) a, (string Left, string Right) b)
    {
        int left = string.CompareOrdinal(a.Left, b.Left);
        return left != 0 ? left : string.CompareOrdinal(a.Right, b.Right);
    }

    private static void AssertPartitionsSorted<TKey>(
        IReadOnlyList<IReadOnlyList<KeyValuePair<TKey, int>>> partitions, Func<TKey, int, int> partitioner, Comparison<TKey> order,
        IReadOnlyDictionary<TKey, int> expected)
        where TKey : notnull
    {
        var seen = new Dictionary<TKey, int>();
        for (int p = 0; p < partitions.Count; p++)
        {
            IReadOnlyList<KeyValuePair<TKey, int>> entries = partitions[p];
            for (int i = 0; i < entries.Count; i++)
            {
                Assert.Equal(p, partitioner(entries[i].Key, partitions.Count));
                Assert.True(i == 0 || order(entries[i - 1].Key, entries[i].Key) < 0, $"partition {p} is not sorted at {i}");
                seen.Add(entries[i].Key, entries[i].Value);
            }
        }

        Assert.Equal(expected.OrderBy(e => e.Key.ToString()), seen.OrderBy(e => e.Key.ToString()));
    }

    private static List<IReadOnlyList<KeyValuePair<TKey, int>>> PartitionsOf<TKey>(MapReduceResult<TKey, int> result)
    {
        var partitions = Enumerable.Range(0, result.PartitionCount).Select(result.Partition).ToList();
        Assert.Equal(partitions.SelectMany(p => p), result); // enumeration is partition after partition
        return partitions;
    }

    [Theory]
    [InlineData(1, 1, false)]
    [InlineData(3, 5, false)]
    [InlineData(2, 4, true)]
    public void Each_partition_holds_the_partitioners_keys_sorted_by_the_pair(int workers, int partitions, bool spill)
    {
        string[] lines = Lines(3000, workers + partitions);
        var options = new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions };
        if (spill)
        {
            options.MemoryBudget = 32 * 1024;
            options.SpillDirectory = _spill.Path;
        }

        MapReduceResult<(string Left, string Right), int> result = LeftWordPairsJob.Run(lines, options);

        Dictionary<(string, string), int> expected = PairCounts(lines);
        AssertPartitionsSorted(PartitionsOf(result), LeftWordPairsJob.ByLeftWord, CompareOrdinal, expected);
        Assert.Equal(spill, result.Statistics.BytesSpilled > 0);
        Assert.Equal(expected[("w1", "w2")], result[("w1", "w2")]);
    }

    [Fact]
    public async Task Streamed_partitions_are_the_partitioners_keys_sorted_too()
    {
        string[] lines = Lines(2000, 11);
        var parts = new List<IReadOnlyList<KeyValuePair<(string Left, string Right), int>>>();
        await foreach (var part in LeftWordPairsJob.StreamAsync(lines, new MapReduceOptions { MaxDegreeOfParallelism = 2, PartitionCount = 3, MemoryBudget = 32 * 1024, SpillDirectory = _spill.Path }))
        {
            Assert.Equal(parts.Count, part.Partition);
            parts.Add([.. part.Entries]);
        }

        AssertPartitionsSorted(parts, LeftWordPairsJob.ByLeftWord, CompareOrdinal, PairCounts(lines));
    }

    [Fact]
    public void A_key_comparer_orders_the_partitions_the_partitioner_chose()
    {
        string[] lines = Lines(2000, 5);
        MapReduceResult<string, int> result = WordsByLengthDescendingJob.Run(lines, new MapReduceOptions { MaxDegreeOfParallelism = 3, PartitionCount = 3 });

        Dictionary<string, int> expected = lines.SelectMany(l => l.Split(' ')).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        AssertPartitionsSorted(PartitionsOf(result), WordsByLengthDescendingJob.ByLength, WordsByLengthDescendingJob.Descending, expected);
    }
}
