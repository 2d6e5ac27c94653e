namespace Sample.WordCount;

/// <summary>
/// The order of the output: count descending, then word ascending by Unicode code point (<see cref="CodePointComparer"/>),
/// as the seed's Python sorts. The table takes the best <c>N</c> with <see cref="Top"/>; the TSV sorts every word with
/// <see cref="CountOrderSorter"/>, in the same order.
/// </summary>
internal static class WordOrder
{
    /// <summary>Negative when <paramref name="left"/> comes first.</summary>
    public static int Compare(KeyValuePair<string, int> left, KeyValuePair<string, int> right)
    {
        var byCount = right.Value.CompareTo(left.Value);
        return byCount != 0 ? byCount : CodePointComparer.Instance.Compare(left.Key, right.Key);
    }

    /// <summary>
    /// The <paramref name="count"/> first entries in output order, chosen with a bounded heap (O(n log count)), so
    /// that ties at the cut are decided by code point too.
    /// </summary>
    public static KeyValuePair<string, int>[] Top(IEnumerable<KeyValuePair<string, int>> entries, int count)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            // Still read every entry: the run behind them may fail, and a failed run must not look like an empty one.
            foreach (var entry in entries)
            {
                _ = entry;
            }

            return [];
        }

        // The heap's root is the entry that would be dropped first: the last in output order.
        var heap = new PriorityQueue<KeyValuePair<string, int>, KeyValuePair<string, int>>(
            Comparer<KeyValuePair<string, int>>.Create(static (a, b) => Compare(b, a)));
        foreach (var entry in entries)
        {
            if (heap.Count < count)
            {
                heap.Enqueue(entry, entry);
            }
            else if (Compare(entry, heap.Peek()) < 0)
            {
                heap.DequeueEnqueue(entry, entry);
            }
        }

        var top = new KeyValuePair<string, int>[heap.Count];
        for (var i = top.Length - 1; i >= 0; i--)
        {
            top[i] = heap.Dequeue();
        }

        return top;
    }
}
