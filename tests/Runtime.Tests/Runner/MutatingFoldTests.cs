using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Runner;

/// <summary>
/// A fold (or a combiner) may add into its first argument and return it, instead of making a new value per call: the
/// engine never uses that argument again nor hands one instance to two keys, in memory, across workers' tables, and
/// through spill files (docs/guide.md, "A fold may reuse its first argument").
/// </summary>
public sealed class MutatingFoldTests
{
    [Theory]
    [InlineData(1, 1, 0L)]
    [InlineData(2, 8, 0L)]
    [InlineData(3, 5, 0L)]
    [InlineData(2, 8, 32 * 1024L)]
    public void Stripes_added_into_the_left_argument_give_the_sequential_counts(int workers, int partitions, long budget)
    {
        var random = new Random(workers * 31 + partitions);
        string[] vocabulary = [.. Enumerable.Range(0, 300).Select(i => "w" + i)];
        string[] lines = [.. Enumerable.Range(0, 3_000).Select(_ =>
            string.Join(' ', Enumerable.Range(0, random.Next(2, 12)).Select(_ => vocabulary[random.Next(random.Next(1, vocabulary.Length))])))];
        var expected = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (string line in lines)
        {
            string[] words = line.Split(' ');
            for (int i = 0; i + 1 < words.Length; i++)
            {
                Dictionary<string, int> stripe = expected.TryGetValue(words[i], out var s) ? s : expected[words[i]] = new(StringComparer.Ordinal);
                stripe[words[i + 1]] = stripe.GetValueOrDefault(words[i + 1]) + 1;
            }
        }

        var options = new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions, ChunkSize = 64 };
        if (budget > 0)
        {
            options.MemoryBudget = budget;
        }

        MapReduceResult<string, Dictionary<string, int>> result = StripesJob.Run(lines, options);

        Assert.Equal(expected.Count, result.Count);
        foreach ((string word, Dictionary<string, int> stripe) in expected)
        {
            Assert.Equal(stripe.OrderBy(p => p.Key, StringComparer.Ordinal), result[word].OrderBy(p => p.Key, StringComparer.Ordinal));
        }

        // No stripe object is shared by two keys.
        Assert.Equal(result.Count, result.Values.Distinct(ReferenceEqualityComparer.Instance).Count());
        if (budget > 0)
        {
            Assert.True(result.Statistics.BytesSpilled > 0, "the budget made the run spill");
        }
    }
}
