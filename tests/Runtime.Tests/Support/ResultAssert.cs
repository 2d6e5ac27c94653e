namespace MapReduceGen.Runtime.Tests.Support;

/// <summary>Compares a run's result, through every read-only dictionary member, with the reference.</summary>
internal static class ResultAssert
{
    public static void Matches<TKey, TResult>(Expected<TKey, TResult> expected, MapReduceResult<TKey, TResult> actual, string because)
        where TKey : notnull
    {
        var comparer = EqualityComparer<TResult>.Default;
        if (expected.Results.Count != actual.Count)
        {
            Assert.Fail($"{because}: {actual.Count} keys, expected {expected.Results.Count}");
        }

        var seen = new HashSet<TKey>();
        foreach (KeyValuePair<TKey, TResult> pair in actual)
        {
            if (!seen.Add(pair.Key))
            {
                Assert.Fail($"{because}: key {pair.Key} enumerated twice");
            }

            if (!expected.Results.TryGetValue(pair.Key, out TResult? want))
            {
                Assert.Fail($"{because}: unexpected key {pair.Key}");
            }

            if (!comparer.Equals(want, pair.Value))
            {
                Assert.Fail($"{because}: key {pair.Key} has {pair.Value}, expected {want}");
            }
        }

        foreach (KeyValuePair<TKey, TResult> pair in expected.Results)
        {
            if (!actual.TryGetValue(pair.Key, out TResult? got) || !comparer.Equals(pair.Value, got))
            {
                Assert.Fail($"{because}: lookup of {pair.Key} gave {got}, expected {pair.Value}");
            }
        }

        MapReduceStatistics statistics = actual.Statistics;
        if (statistics.InputsRead != expected.Inputs || statistics.PairsEmitted != expected.Pairs ||
            statistics.DistinctKeys != expected.Results.Count)
        {
            Assert.Fail(
                $"{because}: statistics {statistics.InputsRead} inputs, {statistics.PairsEmitted} pairs, " +
                $"{statistics.DistinctKeys} keys; expected {expected.Inputs}, {expected.Pairs}, {expected.Results.Count}");
        }

        Assert.Empty(statistics.SkippedRecords);
    }
}
