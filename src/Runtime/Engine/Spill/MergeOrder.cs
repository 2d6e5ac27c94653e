using System.Runtime.CompilerServices;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Spill;

/// <summary>
/// The order of the rows of one partition in a sorted run, which a k-way merge relies on: for a job sorted by key, the
/// key order (the merge then yields keys in output order for free); for every other job, the key's mixed stable hash
/// (the order <see cref="Partitioning.Select"/> cuts into partitions), so no key order is needed at all. Keys that are
/// equal in this order but different (a shared hash) are told apart by equality when merged.
/// </summary>
internal sealed class MergeOrder<TKey, TStored>
{
    private readonly KeyComparison<TKey>? _keys;

    private MergeOrder(KeyComparison<TKey>? keys)
    {
        _keys = keys;
    }

    /// <summary>Whether rows are in key order (else in mixed-hash order).</summary>
    public bool ByKey => _keys is not null;

    public static MergeOrder<TKey, TStored> ByHash() => new(null);

    public static MergeOrder<TKey, TStored> ByKeyOrder(KeyComparison<TKey> keys) => new(keys);

    /// <summary>The stable hash remixed as partitioning mixes it: rows of one partition sort by it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Mixed(int stableHash) => (uint)stableHash * 0x9E3779B1u;

    /// <summary>Compares two rows' keys in this order.</summary>
    public int Compare(in TStored leftKey, int leftHash, in TStored rightKey, int rightHash) =>
        _keys is { } keys ? keys.CompareStored(leftKey, rightKey) : Mixed(leftHash).CompareTo(Mixed(rightHash));

    /// <summary>The positions of entries <c>[start, start + count)</c> of <paramref name="entries"/> in this order.</summary>
    public int[] Sort<TSlot>(Entry<TStored, TSlot>[] entries, int start, int count)
    {
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = start + i;
        }

        if (_keys is { } keys)
        {
            Array.Sort(order, (a, b) => keys.CompareStored(entries[a].Key, entries[b].Key));
        }
        else
        {
            var mixed = new uint[count];
            for (int i = 0; i < count; i++)
            {
                mixed[i] = Mixed(entries[start + i].Hash);
            }

            if (count < 2048)
            {
                Array.Sort(mixed, order);
            }
            else
            {
                HashRadixSort.Sort(mixed, order, count);
            }
        }

        return order;
    }
}
