namespace MapReduceGen;

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

    /// <summary>Negative when <paramref name="left"/> comes first.</summary>
    public static int Compare(in KeyEntry<TKey, TResult> left, in KeyEntry<TKey, TResult> right)
    {
        int byResult = Comparer<TResult>.Default.Compare(right.Slot, left.Slot);
        return byResult != 0 ? byResult : CompareKeys(left.Key, right.Key);
    }

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
