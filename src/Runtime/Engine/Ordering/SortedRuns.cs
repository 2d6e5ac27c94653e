namespace MapReduceGen.Engine.Ordering;

/// <summary>
/// Merges sorted runs (each partition's output, sorted in parallel) into one order with a heap: O(n log runs). Ties go
/// to the earlier run, then the earlier position, so the merge is stable.
/// </summary>
internal static class SortedRuns
{
    /// <summary>Merges runs of the given lengths; <paramref name="compare"/> orders (run, index) positions.</summary>
    /// <returns>Every position, in order.</returns>
    public static (int Run, int Index)[] Merge(int[] lengths, Func<int, int, int, int, int> compare)
    {
        long total = 0;
        foreach (int length in lengths)
        {
            total += length;
        }

        var merged = new (int Run, int Index)[total];
        var heap = new (int Run, int Index)[lengths.Length];
        int size = 0;
        for (int run = 0; run < lengths.Length; run++)
        {
            if (lengths[run] > 0)
            {
                heap[size] = (run, 0);
                SiftUp(heap, size++, compare);
            }
        }

        int next = 0;
        while (size > 0)
        {
            (int run, int index) = heap[0];
            merged[next++] = (run, index);
            if (index + 1 < lengths[run])
            {
                heap[0] = (run, index + 1);
            }
            else
            {
                heap[0] = heap[--size];
            }

            SiftDown(heap, size, compare);
        }

        return merged;
    }

    private static int Compare((int Run, int Index) left, (int Run, int Index) right, Func<int, int, int, int, int> compare)
    {
        int order = compare(left.Run, left.Index, right.Run, right.Index);
        return order != 0 ? order : left.Run.CompareTo(right.Run);
    }

    private static void SiftUp((int Run, int Index)[] heap, int index, Func<int, int, int, int, int> compare)
    {
        while (index > 0)
        {
            int parent = (index - 1) / 2;
            if (Compare(heap[index], heap[parent], compare) >= 0)
            {
                return;
            }

            (heap[index], heap[parent]) = (heap[parent], heap[index]);
            index = parent;
        }
    }

    private static void SiftDown((int Run, int Index)[] heap, int size, Func<int, int, int, int, int> compare)
    {
        int index = 0;
        while (true)
        {
            int left = (2 * index) + 1;
            if (left >= size)
            {
                return;
            }

            int smallest = left + 1 < size && Compare(heap[left + 1], heap[left], compare) < 0 ? left + 1 : left;
            if (Compare(heap[smallest], heap[index], compare) >= 0)
            {
                return;
            }

            (heap[index], heap[smallest]) = (heap[smallest], heap[index]);
            index = smallest;
        }
    }
}
