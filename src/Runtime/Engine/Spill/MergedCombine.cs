using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Spill;

/// <summary>
/// Merges one partition of a map task's sorted runs into one sorted run, as Hadoop merges a map task's spills before the
/// shuffle: keys held by several runs become one row (their slots merged by the map side: combined values, added value
/// counts; their values side by side), so a reduce task fetches each key of the task once.
/// </summary>
internal static class MergedCombine<TKey, TValue, TSlot, TSide>
    where TSide : IMapSide<TValue, TSlot>
{
    /// <summary>Writes the merged rows with <paramref name="write"/>; returns how many there were.</summary>
    public static long Run<TStored, TOps>(
        IReadOnlyList<MergeSource<TStored, TSlot, TValue>> sources, MergeOrder<TKey, TStored> order, TOps ops, long memoryBudget,
        Action<Entry<TStored, TSlot>, ReadOnlySpan<TValue>> write)
        where TOps : struct, IKeyOps<TStored>
    {
        var queue = new PriorityQueue<int, int>(Comparer<int>.Create((a, b) =>
        {
            ref Entry<TStored, TSlot> left = ref sources[a].Current;
            ref Entry<TStored, TSlot> right = ref sources[b].Current;
            int byOrder = order.Compare(left.Key, left.Hash, right.Key, right.Hash);
            return byOrder != 0 ? byOrder : a.CompareTo(b);
        }));
        for (int s = 0; s < sources.Count; s++)
        {
            if (sources[s].MoveNext())
            {
                queue.Enqueue(s, s);
            }
        }

        var block = new MergeBlock<TStored, TSlot, TValue>(memoryBudget);
        long rows = 0;
        while (queue.TryDequeue(out int first, out _))
        {
            block.Clear();
            Take(sources, first, queue, block);
            while (queue.TryPeek(out int next, out _)
                   && order.Compare(sources[next].Current.Key, sources[next].Current.Hash, block.First.Key, block.First.Hash) == 0)
            {
                queue.Dequeue();
                Take(sources, next, queue, block);
            }

            int groups = block.Group(ops);
            for (int g = 0; g < groups; g++)
            {
                Entry<TStored, TSlot> row = block.FirstOf(g);
                if (!block.TryGather(g, out Span<TSlot> slots, out Span<TValue> values))
                {
                    throw MergeBlock<TStored, TSlot, TValue>.TooManyValuesFor(StoredKeys.ToKey<TKey, TStored>(row.Key), memoryBudget);
                }

                for (int i = 1; i < slots.Length; i++)
                {
                    try
                    {
                        TSide.Merge(ref row.Slot, slots[i]);
                    }
                    catch (Exception ex)
                    {
                        throw new KeyFailure(StoredKeys.ToKey<TKey, TStored>(row.Key), ex);
                    }
                }

                write(row, values);
                rows++;
            }
        }

        return rows;
    }

    private static void Take<TStored>(
        IReadOnlyList<MergeSource<TStored, TSlot, TValue>> sources, int index, PriorityQueue<int, int> queue, MergeBlock<TStored, TSlot, TValue> block)
    {
        MergeSource<TStored, TSlot, TValue> source = sources[index];
        try
        {
            block.Add(source.Current, source.CurrentValues);
        }
        catch (InsufficientMemoryException)
        {
            throw MergeBlock<TStored, TSlot, TValue>.TooManyValuesFor(StoredKeys.ToKey<TKey, TStored>(source.Current.Key), block.MemoryBudget);
        }

        if (source.MoveNext())
        {
            queue.Enqueue(index, index);
        }
    }
}
