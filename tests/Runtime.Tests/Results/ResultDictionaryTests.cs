using System.Collections;
using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Results;

/// <summary>MapReduceResult behaves as an IReadOnlyDictionary; MapReduceResult.Create builds one from entries.</summary>
public sealed class ResultDictionaryTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 7)]
    [InlineData(8, 64)]
    public void ReadOnlyDictionaryMembersAgree(int workers, int partitions)
    {
        string[] lines = RandomInputs.Lines(new Random(workers), 300);
        // Through the interface, as code written against IReadOnlyDictionary sees it.
        IReadOnlyDictionary<string, int> result = AsDictionary(WordCountJob.Run(
            lines, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions }));
        Dictionary<string, int> expected = Reference.Fold(
            lines, l => PairCollector<string, int>.Collect(l, WordCountJob.Map), WordCountJob.Reduce).Results;

        Assert.Equal(expected.Count, result.Count);
        KeyValuePair<string, int>[] pairs = [.. result];
        Assert.Equal(pairs.Length, pairs.Select(p => p.Key).Distinct().Count());
        Assert.Equal(pairs.Select(p => p.Key), result.Keys);
        Assert.Equal(pairs.Select(p => p.Value), result.Values);
        foreach ((string key, int count) in expected)
        {
            Assert.Equal(count, result[key]);
            Assert.True(result.ContainsKey(key));
            Assert.True(result.TryGetValue(key, out int found));
            Assert.Equal(count, found);
        }

        Assert.False(result.ContainsKey("not-a-word"));
        Assert.False(result.TryGetValue("not-a-word", out int missing));
        Assert.Equal(0, missing);
        KeyNotFoundException ex = Assert.Throws<KeyNotFoundException>(() => result["not-a-word"]);
        Assert.Contains("not-a-word", ex.Message, StringComparison.Ordinal);
        Assert.False(result.ContainsKey(null!));
        Assert.False(result.ContainsKey("ALPHA"));
    }

    private static IReadOnlyDictionary<TKey, TValue> AsDictionary<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> dictionary) => dictionary;

    [Fact]
    public void NonGenericEnumerationAndReset()
    {
        MapReduceResult<int, long> result = ResidueSumJob.Run(Enumerable.Range(1, 100).ToArray());
        var pairs = new List<object>();
        foreach (object pair in (IEnumerable)result)
        {
            pairs.Add(pair);
        }

        Assert.Equal(result.Count, pairs.Count);
        using IEnumerator<KeyValuePair<int, long>> enumerator = ((IEnumerable<KeyValuePair<int, long>>)result).GetEnumerator();
        int first = 0;
        while (enumerator.MoveNext())
        {
            first++;
        }

        enumerator.Reset();
        int second = 0;
        while (enumerator.MoveNext())
        {
            second++;
        }

        Assert.Equal(result.Count, first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void RecordAndTupleKeysAreFoundByValue()
    {
        MapReduceResult<Bucket, long> buckets = Outer.BucketJob.Run([0, 1, 2, 7]);
        Assert.True(buckets.ContainsKey(new Bucket("b0", 0)));
        Assert.Equal(4 * 31 + 4, buckets[new Bucket("all", 0)]);

        MapReduceResult<(int, string), long> tuples = Grid.Inner.TupleMaxJob.Run([3, 12]);
        Assert.Equal(144, tuples[(3, "even")]);
        Assert.Equal(9, tuples[(3, "odd")]);
    }

    [Fact]
    public void Create_BuildsAResultFromEntries()
    {
        var statistics = new MapReduceStatistics { JobName = "cluster", InputsRead = 3, PairsEmitted = 4, DistinctKeys = 2 };

        MapReduceResult<string, int> result = MapReduceResult.Create<string, int>([new("a", 1), new("B", 3)], statistics);

        Assert.Same(statistics, result.Statistics);
        Assert.Equal(2, result.Count);
        Assert.Equal(3, result["B"]);
        Assert.False(result.ContainsKey("b"));
        Assert.Equal(["B", "a"], result.Top(2).Select(p => p.Key));
        Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["B"] = 3 }, result.ToDictionary());
    }

    [Fact]
    public void Create_RejectsDuplicateKeysAndNulls()
    {
        var statistics = new MapReduceStatistics { JobName = "x" };
        ArgumentException duplicate = Assert.Throws<ArgumentException>(
            () => MapReduceResult.Create<string, int>([new("k", 1), new("k", 2)], statistics));
        Assert.Contains("'k'", duplicate.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => MapReduceResult.Create<string, int>(null!, statistics));
        Assert.Throws<ArgumentNullException>(() => MapReduceResult.Create<string, int>([], null!));
    }

    [Fact]
    public void StatisticsToStringSummarisesTheRun()
    {
        MapReduceResult<string, int> result = WordCountJob.Run(["a b", "a"], new MapReduceOptions { MaxDegreeOfParallelism = 1 });

        string text = result.Statistics.ToString();

        Assert.Contains("2 inputs, 3 pairs, 2 keys, 0 skipped", text, StringComparison.Ordinal);
        Assert.Contains("WordCountJob", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGetValue_tells_the_compiler_its_value_may_be_null_when_it_returns_false()
    {
        // Without [MaybeNullWhen(false)], `if (!r.TryGetValue(k, out var v)) use(v)` compiled with no nullable warning
        // for a non-nullable TResult, as IReadOnlyDictionary's own TryGetValue does not allow.
        var result = MapReduceResult.Create(new Dictionary<string, string> { ["a"] = "x" }, new MapReduceStatistics { JobName = "x" });
        Assert.False(result.TryGetValue("b", out string? missing));
        Assert.Null(missing);

        System.Reflection.ParameterInfo value = typeof(MapReduceResult<string, string>)
            .GetMethod(nameof(MapReduceResult<string, string>.TryGetValue))!.GetParameters()[1];
        var attribute = value.GetCustomAttributes(typeof(System.Diagnostics.CodeAnalysis.MaybeNullWhenAttribute), inherit: false)
            .Cast<System.Diagnostics.CodeAnalysis.MaybeNullWhenAttribute>().Single();
        Assert.False(attribute.ReturnValue);
    }
}
