using System.Globalization;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Map;

/// <summary>
/// Checks, once a partition is reduced, that the job's partitioner (or the key comparer behind a total order's key
/// ranges) still sends each of its keys to it. Map tasks choose a key's partition independently, each calling the job's
/// code once per key; a partitioner or comparer that answers differently from one call to the next (a random or
/// stateful one) sends a key's pairs to several partitions, which would each reduce it: the key would appear several
/// times in the result, with its values split between the copies, and lookups would miss it. One more call per key finds
/// every such key that a later call places differently, and a random partitioner almost surely.
/// </summary>
internal static class PartitionCheck
{
    /// <exception cref="KeyFailure">The partitioner or key comparer threw, or places one of the partition's keys elsewhere.</exception>
    public static void Verify<TKey, TStored, TSlot, TOps>(
        KeyTable<TStored, TSlot, TOps> keys, int partition, int partitionCount, PartitionSelector<TStored> selector)
        where TOps : struct, IKeyOps<TStored>
    {
        if (!selector.RunsUserCode)
        {
            return;
        }

        for (int i = 0; i < keys.Count; i++)
        {
            int chosen = selector.Select(keys.EntryAt(i).Key, keys.StableHashAt(i), partitionCount);
            if (chosen != partition)
            {
                TKey key = StoredKeys.ToKey<TKey, TStored>(keys.EntryAt(i).Key);
                string detail = selector.Method == UserOrder.Partitioner
                    ? string.Create(CultureInfo.InvariantCulture, $"a map task sent key '{UserOrder.Show(key)}' to partition {partition}, but it now chooses partition {chosen}; a partitioner must choose the same partition for a key every time, or the key's values are split between partitions that each reduce it")
                    : string.Create(CultureInfo.InvariantCulture, $"a map task sent key '{UserOrder.Show(key)}' to key range {partition}, but it now compares into key range {chosen}; a key comparer must order the same keys the same way every time, or the key's values are split between partitions that each reduce it");
                throw UserOrder.Inconsistent(selector.Method, key, detail);
            }
        }
    }
}
