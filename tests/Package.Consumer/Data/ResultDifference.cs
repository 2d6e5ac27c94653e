using MapReduceGen;

namespace Package.Consumer.Data;

/// <summary>Compares a MapReduceGen result with the expected dictionary and describes the first difference.</summary>
internal static class ResultDifference
{
    /// <returns><see langword="null"/> when the result holds exactly the expected keys and values.</returns>
    public static string? Describe<TKey, TResult>(MapReduceResult<TKey, TResult> actual, Dictionary<TKey, TResult> expected)
        where TKey : notnull
    {
        var comparer = EqualityComparer<TResult>.Default;
        foreach (var (key, value) in expected)
        {
            if (!actual.TryGetValue(key, out TResult? found))
            {
                return $"missing key {key} (expected {value})";
            }

            if (!comparer.Equals(found, value))
            {
                return $"key {key}: expected {value}, got {found}";
            }
        }

        int enumerated = 0;
        foreach (var (key, _) in actual)
        {
            enumerated++;
            if (!expected.ContainsKey(key))
            {
                return $"unexpected key {key}";
            }
        }

        if (actual.Count != expected.Count || enumerated != expected.Count)
        {
            return $"expected {expected.Count} keys, the result has Count {actual.Count} and enumerates {enumerated}";
        }

        return actual.Statistics.DistinctKeys == expected.Count
            ? null
            : $"Statistics.DistinctKeys is {actual.Statistics.DistinctKeys}, expected {expected.Count}";
    }
}
