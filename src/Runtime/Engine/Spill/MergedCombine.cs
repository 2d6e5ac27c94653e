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
        var heap = new MergeHeap<TKey, TStored, TSlot, TValue>(sources, order);
        var block = new MergeBlock<TStored, TSlot, TValue>(memoryBudget);
        long rows = 0;
        while (!heap.IsEmpty)
        {
            block.Clear();
            Take(heap, block);
            while (!heap.IsEmpty && heap.TopEquals(block.First))
            {
                Take(heap, block);
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

    // Copies the top source's current row into the block and moves that source on.
    private static void Take<TStored>(MergeHeap<TKey, TStored, TSlot, TValue> heap, MergeBlock<TStored, TSlot, TValue> block)
    {
        MergeSource<TStored, TSlot, TValue> source = heap.Top;
        try
        {
            block.Add(source.Current, source.CurrentValues);
        }
        catch (InsufficientMemoryException)
        {
            throw MergeBlock<TStored, TSlot, TValue>.TooManyValuesFor(StoredKeys.ToKey<TKey, TStored>(source.Current.Key), block.MemoryBudget);
        }

        heap.Advance();
    }
}
