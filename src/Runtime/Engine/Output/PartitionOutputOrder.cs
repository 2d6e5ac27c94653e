using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Output;

/// <summary>
/// Puts one partition's output in the job's output order (<c>[OutputComparer]</c>), on the partition's own worker (so
/// partitions are ordered in parallel): results by the comparer, ties by key; records by the comparer, ties in the order
/// they were written (key order when keys were sorted).
/// </summary>
internal static class PartitionOutputOrder
{
    /// <exception cref="KeyFailure">The job's output comparer threw, or is inconsistent (it names the output comparer).</exception>
    public static void Apply<TKey, TStored, TSlot, TOps, TResult>(
        PartitionResult<TStored, TSlot, TOps, TResult> partition, OutputSettings<TKey, TResult> settings)
        where TOps : struct, IKeyOps<TStored>
    {
        if (settings.OutputOrder is not { } compare)
        {
            return;
        }

        if (partition.Records is { } records)
        {
            KeySort.StableSort(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(records), compare, null, UserOrder.OutputComparer);
            return;
        }

        int count = partition.Count;
        int[] order = partition.Order ?? Identity(count);
        KeyComparison<TKey> keys = settings.KeyOrder;
        bool keysSorted = partition.Order is not null;
        KeySort.StableSort<int>(order, (a, b) =>
        {
            int byResult = compare(partition.ResultAt(a), partition.ResultAt(b));
            return byResult != 0 || keysSorted
                ? byResult
                : keys.CompareStored(partition.Keys.EntryAt(a).Key, partition.Keys.EntryAt(b).Key);
        }, null, UserOrder.OutputComparer);
        partition.Order = order;
    }

    private static int[] Identity(int count)
    {
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }

        return order;
    }
}
