using MapReduceGen;

namespace Sample.WordCount;

/// <summary>
/// The order of the output: count descending, then word ascending by Unicode code point (<see cref="CodePointComparer"/>),
/// as the seed's Python sorts. Used for the TSV (every word) and the table (the best <c>N</c>).
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
    /// Every entry of a run's result in output order, keys as the UTF-8 the result holds: no string per word, so a
    /// result of millions of words is sorted and written without a copy of its keys. Bytewise order of UTF-8 is code
    /// point order.
    /// </summary>
    public static Utf8ResultEntry<int>[] AllUtf8(MapReduceResult<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var all = new Utf8ResultEntry<int>[counts.Count];
        var i = 0;
        foreach (var entry in counts.Utf8Entries())
        {
            all[i++] = entry;
        }

        Array.Sort(all, static (left, right) => left.Result != right.Result
            ? right.Result.CompareTo(left.Result)
            : left.Key.Span.SequenceCompareTo(right.Key.Span));
        return all;
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
