using MapReduceGen.Engine.Inputs;
using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Results;

/// <summary>
/// Jobs chain: a result is a read-only list of its entries, in its enumeration order, that the next job's workers read by
/// index with no lock; and a mapper may yield <c>KeyValuePair</c>s, as a result's entries are.
/// </summary>
public sealed class ChainedResultTests
{
    private static string[] Lines(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => string.Join(' ', Enumerable.Range(0, 6).Select(_ => "w" + random.Next(3000))))];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void A_word_count_fed_to_a_second_job_gives_what_linq_gives(int workers)
    {
        string[] lines = Lines(5000, workers);
        var options = new MapReduceOptions { MaxDegreeOfParallelism = workers };
        MapReduceResult<string, int> counts = WordCountJob.Run(lines, options);

        MapReduceResult<int, string> wordsPerCount = WordsPerCountJob.Run(counts, options);

        var expected = lines.SelectMany(l => l.Split(' ')).GroupBy(w => w).GroupBy(g => g.Count())
            .OrderBy(g => g.Key).Select(g => (g.Key, string.Join(' ', g.Select(w => w.Key).Order(StringComparer.Ordinal)))).ToList();
        Assert.Equal(expected, wordsPerCount.Select(e => (e.Key, e.Value)).ToList());
        Assert.Equal(counts.Count, wordsPerCount.Statistics.InputsRead);
    }

    [Fact]
    public void A_result_is_a_list_in_its_enumeration_order_whatever_the_job_orders_by()
    {
        string[] lines = Lines(3000, 7);
        var options = new MapReduceOptions { MaxDegreeOfParallelism = 3, PartitionCount = 7 };
        MapReduceResult<string, int>[] results =
        [
            WordCountJob.Run(lines, options), // partition by partition, unordered
            SortedWordCountJob.Run(lines, options), // each partition read through its key order
            WordsByCountJob.Run(lines, options), // the job's output order across partitions
            WordCountJob.Run(Array.Empty<string>(), options), // empty, every partition empty
            WordCountJob.Run(["a", "b b", "c c c"], options), // fewer keys than partitions: some partitions empty
        ];

        foreach (MapReduceResult<string, int> result in results)
        {
            IReadOnlyList<KeyValuePair<string, int>> list = result;
            Assert.Equal(result.Count, list.Count);
            Assert.Equal(result.ToList(), Enumerable.Range(0, list.Count).Select(i => list[i]).ToList());
            Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
            Assert.Throws<ArgumentOutOfRangeException>(() => list[list.Count]);
        }
    }

    [Fact]
    public void The_next_job_reads_a_result_by_index_not_through_a_locked_enumerator()
    {
        MapReduceResult<string, int> counts = WordCountJob.Run(Lines(100, 3));

        using InputChunkSource<KeyValuePair<string, int>> source = InputChunkSource<KeyValuePair<string, int>>.Create(counts, 0, 4);

        Assert.IsType<ListChunkSource<KeyValuePair<string, int>>>(source);
        Assert.Equal(counts.Count, source.Count);
    }

    [Fact]
    public void A_mapper_may_return_any_sequence_of_key_value_pairs()
    {
        string[] lines = ["apple", "avocado", "", "banana"];

        MapReduceResult<string?, long> result = KeyValueListJob.Run(lines);

        Assert.Equal(12, result["a"]);
        Assert.Equal(6, result["b"]);
        Assert.Equal(0, result["(empty)"]);
        Assert.Equal(4, result["all"]);
    }
}
