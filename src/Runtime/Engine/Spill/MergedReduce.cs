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
        ReduceOutput<TResult> output = scope.CreateOutput<TResult>(1);
        long keys = 0;
        while (queue.TryDequeue(out int first, out _))
        {
            block.Clear();
            Take(sources[first], first, queue, block);
            while (queue.TryPeek(out int next, out _)
                   && order.Compare(sources[next].Current.Key, sources[next].Current.Hash, block.First.Key, block.First.Hash) == 0)
            {
                queue.Dequeue();
                Take(sources[next], next, queue, block);
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

    // Copies the source's current row into the block and moves the source on.
    private static void Take<TStored>(
        MergeSource<TStored, TSlot, TValue> source, int index, PriorityQueue<int, int> queue, MergeBlock<TStored, TSlot, TValue> block)
    {
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
