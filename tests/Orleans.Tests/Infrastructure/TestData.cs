using MapReduceGen.Orleans.Tests.Jobs;

namespace MapReduceGen.Orleans.Tests.Infrastructure;

/// <summary>Deterministic inputs made by the tests themselves.</summary>
public static class TestData
{
    private static readonly string[] Vocabulary =
    [
        "silo", "grain", "Cluster", "the", "of", "map", "reduce", "partition", "key", "value", "Orleans", "and",
        "fault", "tolerance", "re-execution", "worker", "master", "a", "it's", "split", "combine", "café", "naïve",
        "x2", "data", "record", "stable", "hash", "timeout", "membership",
    ];

    private static readonly string[] Regions = ["North", "South", "East", "West", "Centre"];

    public static List<string> Lines(int count, int seed)
    {
        var random = new Random(seed);
        var lines = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            int words = random.Next(0, 14);
            var parts = new string[words];
            for (int w = 0; w < words; w++)
            {
                string word = Vocabulary[random.Next(Vocabulary.Length)];
                parts[w] = random.Next(10) == 0 ? word + "," : word;
            }

            lines.Add(random.Next(25) == 0 ? ".. directive " + string.Join(' ', parts) : string.Join(' ', parts));
        }

        return lines;
    }

    public static List<Sale> Sales(int count, int seed)
    {
        var random = new Random(seed);
        var sales = new List<Sale>(count);
        for (int i = 0; i < count; i++)
        {
            sales.Add(new Sale(Regions[random.Next(Regions.Length)], 2015 + random.Next(10), random.Next(1, 100_000)));
        }

        return sales;
    }

    public static void AssertSameEntries<TKey, TResult>(MapReduceResult<TKey, TResult> expected, MapReduceResult<TKey, TResult> actual)
        where TKey : notnull
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (key, value) in expected)
        {
            Assert.True(actual.TryGetValue(key, out var got), $"key {key} is missing from the cluster's result");
            Assert.Equal(value, got);
        }
    }
}
