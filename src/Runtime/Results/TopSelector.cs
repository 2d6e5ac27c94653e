namespace MapReduceGen.Engine.Results;

/// <summary>
/// Picks the <c>count</c> best entries with a bounded heap of entry positions: O(n log count) time and O(count)
/// memory, never sorting the whole result and never making a key that does not make the cut.
/// </summary>
internal static class TopSelector
{
    /// <summary>The entries with the largest results in the results' own order.</summary>
    public static KeyValuePair<TKey, TResult>[] Select<TKey, TResult>(ResultStore<TKey, TResult> store, int count)
    {
        if (!ResultOrder<TKey, TResult>.ResultsAreComparable)
        {
            throw new InvalidOperationException(
                $"Top needs results that can be ordered, but {typeof(TResult)} implements neither IComparable<T> nor IComparable. " +
                "Pass an IComparer<T> or a selector to Top.");
        }

        return Select(store, count, static (s, p, i) => s.ResultAt(p, i), Comparer<TResult>.Default);
    }

    /// <summary>The entries with the largest values in <paramref name="order"/>, each entry's value made by <paramref name="valueAt"/>.</summary>
    public static KeyValuePair<TKey, TResult>[] Select<TKey, TResult, TOrder>(
        ResultStore<TKey, TResult> store, int count, Func<ResultStore<TKey, TResult>, int, int, TOrder> valueAt, IComparer<TOrder> order)
    {
        int size = (int)Math.Min(count, store.Count);
        if (size == 0)
        {
            return [];
        }

        var entryOrder = new EntryOrder<TKey, TResult, TOrder>(store, order);

        // A heap whose root is the worst entry kept so far.
        var heap = new EntryPosition<TOrder>[size];
        int filled = 0;
        for (int p = 0; p < store.PartitionCount; p++)
        {
            int length = store.PartitionLength(p);
            for (int i = 0; i < length; i++)
            {
                var position = new EntryPosition<TOrder>(p, i, valueAt(store, p, i));
                if (filled < size)
                {
                    heap[filled] = position;
                    SiftUp(heap, filled++, entryOrder);
                }
                else if (entryOrder.Compare(position, heap[0]) < 0)
                {
                    heap[0] = position;
                    SiftDown(heap, 0, size, entryOrder);
                }
            }
        }

        Array.Sort(heap, entryOrder.Compare);
        var top = new KeyValuePair<TKey, TResult>[size];
        for (int i = 0; i < size; i++)
        {
            top[i] = new KeyValuePair<TKey, TResult>(store.KeyAt(heap[i].Partition, heap[i].Index), store.ResultAt(heap[i].Partition, heap[i].Index));
        }

        return top;
    }

    private static void SiftUp<TKey, TResult, TOrder>(EntryPosition<TOrder>[] heap, int index, EntryOrder<TKey, TResult, TOrder> order)
    {
        while (index > 0)
        {
            int parent = (index - 1) / 2;
            if (order.Compare(heap[index], heap[parent]) <= 0)
            {
                return;
            }

            (heap[index], heap[parent]) = (heap[parent], heap[index]);
            index = parent;
        }
    }

    private static void SiftDown<TKey, TResult, TOrder>(EntryPosition<TOrder>[] heap, int index, int size, EntryOrder<TKey, TResult, TOrder> order)
    {
        while (true)
        {
            int left = (2 * index) + 1;
            if (left >= size)
            {
                return;
            }

            int worst = left + 1 < size && order.Compare(heap[left + 1], heap[left]) > 0 ? left + 1 : left;
            if (order.Compare(heap[worst], heap[index]) <= 0)
            {
                return;
            }

            (heap[index], heap[worst]) = (heap[worst], heap[index]);
            index = worst;
        }
    }
}
