namespace MapReduceGen.Runtime.Tests.Support;

/// <summary>
/// The plain sequential computation a run must equal: every input mapped in order, pairs grouped with LINQ's
/// GroupBy (the key type's default equality), and each group aggregated (fold) or reduced (grouping) once.
/// </summary>
internal static class Reference
{
    public static Expected<TKey, TValue> Fold<TInput, TKey, TValue>(
        IEnumerable<TInput> inputs, Func<TInput, IEnumerable<(TKey Key, TValue Value)>> map, Func<TValue, TValue, TValue> reduce)
        where TKey : notnull
    {
        List<TInput> list = [.. inputs];
        List<(TKey Key, TValue Value)> pairs = [.. list.SelectMany(map)];
        Dictionary<TKey, TValue> results = pairs
            .GroupBy(p => p.Key)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Value).Aggregate(reduce));
        return new Expected<TKey, TValue>(results, list.Count, pairs.Count);
    }

    public static Expected<TKey, TResult> Group<TInput, TKey, TValue, TResult>(
        IEnumerable<TInput> inputs, Func<TInput, IEnumerable<(TKey Key, TValue Value)>> map, Func<TKey, TValue[], TResult> reduce)
        where TKey : notnull
    {
        List<TInput> list = [.. inputs];
        List<(TKey Key, TValue Value)> pairs = [.. list.SelectMany(map)];
        Dictionary<TKey, TResult> results = pairs
            .GroupBy(p => p.Key)
            .ToDictionary(g => g.Key, g => reduce(g.Key, [.. g.Select(p => p.Value)]));
        return new Expected<TKey, TResult>(results, list.Count, pairs.Count);
    }
}
