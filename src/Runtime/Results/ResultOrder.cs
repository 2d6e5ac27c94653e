namespace MapReduceGen.Engine.Results;

/// <summary>
/// The order of <see cref="MapReduceResult{TKey, TResult}.Top(int)"/>: larger results first, ties by key ascending
/// (ordinal for strings; <see cref="Comparer{T}.Default"/> for comparable keys; otherwise the keys' text, ordinally).
/// </summary>
internal static class ResultOrder<TKey, TResult>
{
    private static readonly bool KeysAreComparable =
        typeof(TKey) == typeof(string) ||
        typeof(IComparable<TKey>).IsAssignableFrom(typeof(TKey)) ||
        typeof(IComparable).IsAssignableFrom(typeof(TKey));

    public static readonly bool ResultsAreComparable =
        typeof(IComparable<TResult>).IsAssignableFrom(typeof(TResult)) ||
        typeof(IComparable).IsAssignableFrom(typeof(TResult));

    public static int CompareKeys(TKey left, TKey right)
    {
        if (typeof(TKey) == typeof(string))
        {
            return string.CompareOrdinal((string)(object)left!, (string)(object)right!);
        }

        return KeysAreComparable
            ? Comparer<TKey>.Default.Compare(left, right)
            : string.CompareOrdinal(left?.ToString(), right?.ToString());
    }
}
