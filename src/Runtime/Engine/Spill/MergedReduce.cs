using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Spill;

/// <summary>
/// Reduces one partition from sorted sources (runs on disk, tables in memory) by a k-way merge, streaming: the rows
/// that are equal in the merge order are taken from every source at once (a block), told apart by key equality (a
/// flood-resistant table when many share a hash), and each key's slots and values go to the reducer shape's
/// <see cref="IReducer{TKey, TValue, TSlot, TResult}.ReduceGroup"/>; the output goes key by key to a writer. Memory: a
/// chunk per source, and the rows of one block.
/// </summary>
internal static class MergedReduce<TKey, TValue, TSlot, TReducer, TResult>
    where TReducer : IReducer<TKey, TValue, TSlot, TResult>
{
    /// <summary>Reduces the partition; returns how many keys it reduced.</summary>
    public static long Run<TStored, TOps>(
        IReadOnlyList<MergeSource<TStored, TSlot, TValue>> sources, MergeOrder<TKey, TStored> order, TOps ops,
        ReduceScope<TKey, TValue> scope, IPartitionWriter<TStored, TResult> writer, long memoryBudget)
        where TOps : struct, IKeyOps<TStored>
    {
        var heap = new MergeHeap<TKey, TStored, TSlot, TValue>(sources, order);
        var block = new MergeBlock<TStored, TSlot, TValue>(memoryBudget);
        ReduceOutput<TResult> output = scope.CreateOutput<TResult>(1);
        long keys = 0;
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
                Reduce(block, g, output, scope, writer);
                if ((++keys & 0xFF) == 0 && scope.State.StopRequested)
                {
                    return keys;
                }
            }
        }

        return keys;
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

    private static void Reduce<TStored>(
        MergeBlock<TStored, TSlot, TValue> block, int group, ReduceOutput<TResult> output, ReduceScope<TKey, TValue> scope,
        IPartitionWriter<TStored, TResult> writer)
    {
        ref readonly Entry<TStored, TSlot> first = ref block.FirstOf(group);
        TKey key = TReducer.TakesKey ? StoredKeys.ToKey<TKey, TStored>(first.Key) : default!;
        if (!block.TryGather(group, out Span<TSlot> slots, out Span<TValue> values))
        {
            throw MergeBlock<TStored, TSlot, TValue>.TooManyValuesFor(StoredKeys.ToKey<TKey, TStored>(first.Key), block.MemoryBudget);
        }

        try
        {
            TReducer.ReduceGroup(key, slots, values, output.For(0), scope);
        }
        catch (Exception ex)
        {
            throw new KeyFailure(StoredKeys.ToKey<TKey, TStored>(first.Key), ex);
        }

        if (output.Results is { } results)
        {
            writer.Write(first.Key, first.Hash, results[0]);
        }
        else if (output.Records is { Count: > 0 } records)
        {
            writer.WriteRecords(records);
            records.Clear();
        }
    }
}
