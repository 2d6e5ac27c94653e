namespace MapReduceGen;

/// <summary>
/// Picks the <c>count</c> best entries with a bounded heap: O(n log count) time and O(count) memory, never
/// sorting the whole result.
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

        // A heap whose root is the worst entry kept so far.
        var heap = new KeyEntry<TKey, TResult>[size];
        int filled = 0;
        for (int p = 0; p < store.PartitionCount; p++)
        {
            foreach (ref readonly KeyEntry<TKey, TResult> entry in store.GetPartition(p))
            {
                if (filled < size)
                {
                    heap[filled] = entry;
                    SiftUp(heap, filled++);
                }
                else if (ResultOrder<TKey, TResult>.Compare(entry, heap[0]) < 0)
                {
                    heap[0] = entry;
                    SiftDown(heap, 0, size);
                }
            }
        }

        Array.Sort(heap, static (a, b) => ResultOrder<TKey, TResult>.Compare(a, b));
        var top = new KeyValuePair<TKey, TResult>[size];
        for (int i = 0; i < size; i++)
        {
            top[i] = new KeyValuePair<TKey, TResult>(heap[i].Key, heap[i].Slot);
        }

        return top;
    }

    // "Worse" entries rise to the root.
    private static bool Worse<TKey, TResult>(in KeyEntry<TKey, TResult> a, in KeyEntry<TKey, TResult> b) =>
        ResultOrder<TKey, TResult>.Compare(a, b) > 0;

    private static void SiftUp<TKey, TResult>(KeyEntry<TKey, TResult>[] heap, int index)
    {
        while (index > 0)
        {
            int parent = (index - 1) / 2;
            if (!Worse(heap[index], heap[parent]))
            {
                return;
            }

            (heap[index], heap[parent]) = (heap[parent], heap[index]);
            index = parent;
        }
    }

    private static void SiftDown<TKey, TResult>(KeyEntry<TKey, TResult>[] heap, int index, int size)
    {
        while (true)
        {
            int left = (2 * index) + 1;
            if (left >= size)
            {
                return;
            }

            int worst = left + 1 < size && Worse(heap[left + 1], heap[left]) ? left + 1 : left;
            if (!Worse(heap[worst], heap[index]))
            {
                return;
            }

            (heap[index], heap[worst]) = (heap[worst], heap[index]);
            index = worst;
        }
    }
}
