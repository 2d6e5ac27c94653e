namespace MapReduceGen.Engine.Results;

/// <summary>
/// Picks the <c>count</c> best entries with a bounded heap of entry positions: O(n log count) time and O(count)
/// memory, never sorting the whole result and never making a key that does not make the cut.
/// </summary>
internal static class TopSelector
{
    public static KeyValuePair<TKey, TResult>[] Select<TKey, TResult>(ResultStore<TKey, TResult> store, int count)
    {
        if (!ResultOrder<TKey, TResult>.ResultsAreComparable)
        {
            throw new InvalidOperationException(
                $"Top needs results that can be ordered, but {typeof(TResult)} implements neither IComparable<T> nor IComparable.");
        }

        int size = (int)Math.Min(count, store.Count);
        if (size == 0)
        {
            return [];
        }

        var order = new EntryOrder<TKey, TResult>(store);

        // A heap whose root is the worst entry kept so far.
        var heap = new EntryPosition<TResult>[size];
        int filled = 0;
        for (int p = 0; p < store.PartitionCount; p++)
        {
            int length = store.PartitionLength(p);
            for (int i = 0; i < length; i++)
            {
                var position = new EntryPosition<TResult>(p, i, store.ResultAt(p, i));
                if (filled < size)
                {
                    heap[filled] = position;
                    SiftUp(heap, filled++, order);
                }
                else if (order.Compare(position, heap[0]) < 0)
                {
                    heap[0] = position;
                    SiftDown(heap, 0, size, order);
                }
            }
        }

        Array.Sort(heap, order.Compare);
        var top = new KeyValuePair<TKey, TResult>[size];
        for (int i = 0; i < size; i++)
        {
            top[i] = new KeyValuePair<TKey, TResult>(store.KeyAt(heap[i].Partition, heap[i].Index), heap[i].Result);
        }

        return top;

        static void SiftUp(EntryPosition<TResult>[] heap, int index, EntryOrder<TKey, TResult> order)
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

        static void SiftDown(EntryPosition<TResult>[] heap, int index, int size, EntryOrder<TKey, TResult> order)
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
}
