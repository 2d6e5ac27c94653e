using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Map;

/// <summary>
/// A total order's partitioning: a key goes to the partition after the last split point that is not greater than it
/// (see <see cref="SplitPoints"/>). Default-ordered string keys are compared as stored UTF-8; other keys are made from
/// their stored form and compared with the job's key order.
/// </summary>
internal sealed class RangePartitionSelector<TKey, TStored> : PartitionSelector<TStored>
{
    private readonly TKey[] _splits;
    private readonly Utf8Key[]? _utf8Splits;
    private readonly KeyComparison<TKey> _order;

    public RangePartitionSelector(TKey[] splits, KeyComparison<TKey> order)
    {
        _splits = splits;
        _order = order;
        if (typeof(TStored) == typeof(Utf8Key) && order.ComparesUtf8)
        {
            _utf8Splits = new Utf8Key[splits.Length];
            for (int i = 0; i < splits.Length; i++)
            {
                string text = (string)(object)splits[i]!;
                byte[] bytes = new byte[Utf8Text.MaxEncodedLength(text.Length)];
                _utf8Splits[i] = new Utf8Key(bytes, 0, Utf8Text.Encode(text, bytes));
            }
        }
    }

    // Splits counted one by one, branch-free, rather than searched (KeyComparison.IsDefaultOrder only).
    private const int LinearSplits = 32;

    public TKey[] Splits => _splits;

    /// <summary>Only the job's key comparer is user code: default-ordered string keys are compared by the engine.</summary>
    public override bool RunsUserCode => _utf8Splits is null && !_order.IsDefaultOrder;

    public override string Method => UserOrder.KeyComparer;

    /// <summary>The partition of a key (for lookups in the result).</summary>
    public int SelectKey(TKey key)
    {
        int low = 0;
        int high = _splits.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (_order.Compare(_splits[middle], key) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    public override int Select(in TStored key, int stableHash, int partitionCount)
    {
        int count = Math.Min(_splits.Length, partitionCount - 1);
        int low = 0;
        int high = count;
        if (_utf8Splits is { } utf8)
        {
            ReadOnlySpan<byte> bytes = KeyComparison<TKey>.AsUtf8(key).Span;
            while (low < high)
            {
                int middle = (low + high) >>> 1;
                if (Utf8Text.CompareOrdinal(utf8[middle].Span, bytes) <= 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }

        TKey value = StoredKeys.ToKey<TKey, TStored>(key);
        if (_order.IsDefaultOrder)
        {
            // A primitive type's own order: no user code. With few splits (the usual 4 per worker), count those at or
            // below the key without a branch per split (a binary search mispredicts on random keys); else search.
            if (count <= LinearSplits)
            {
                TKey[] splits = _splits;
                int below = 0;
                for (int i = 0; i < count; i++)
                {
                    below += AtMost(splits[i], value) ? 1 : 0;
                }

                return below;
            }

            while (low < high)
            {
                int middle = (low + high) >>> 1;
                if (Comparer<TKey>.Default.Compare(_splits[middle], value) <= 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }

        try
        {
            while (low < high)
            {
                int middle = (low + high) >>> 1;
                if (_order.Compare(_splits[middle], value) <= 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
        }
        catch (Exception ex)
        {
            throw UserOrder.Threw(UserOrder.KeyComparer, value, ex);
        }

        return low;
    }

    // left <= right in a primitive type's own order (KeyComparison.IsDefaultOrder's types), as one compare.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool AtMost(TKey left, TKey right)
    {
        if (typeof(TKey) == typeof(int))
        {
            return (int)(object)left! <= (int)(object)right!;
        }

        if (typeof(TKey) == typeof(long))
        {
            return (long)(object)left! <= (long)(object)right!;
        }

        if (typeof(TKey) == typeof(uint))
        {
            return (uint)(object)left! <= (uint)(object)right!;
        }

        if (typeof(TKey) == typeof(ulong))
        {
            return (ulong)(object)left! <= (ulong)(object)right!;
        }

        return Comparer<TKey>.Default.Compare(left, right) <= 0;
    }
}
