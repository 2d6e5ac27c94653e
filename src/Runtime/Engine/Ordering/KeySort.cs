using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Ordering;

/// <summary>
/// Sorts a partition's keys: the entry indexes of a table in key order (the table itself is not moved, so lookups keep
/// working). Default-ordered string keys compare as stored UTF-8; other keys are made once each and sorted with the
/// job's key order. Runs on the partition's reduce worker, so partitions are sorted in parallel.
/// </summary>
internal static class KeySort
{
    /// <exception cref="KeyFailure">The job's key comparer threw (no key is named).</exception>
    public static int[] Order<TKey, TStored, TSlot, TOps>(KeyTable<TStored, TSlot, TOps> table, KeyComparison<TKey> order)
        where TOps : struct, IKeyOps<TStored>
    {
        int count = table.Count;
        var indexes = new int[count];
        for (int i = 0; i < count; i++)
        {
            indexes[i] = i;
        }

        if (count < 2)
        {
            return indexes;
        }

        Entry<TStored, TSlot>[] entries = table.EntryArray;
        if (typeof(TStored) == typeof(Utf8Key) && order.ComparesUtf8)
        {
            Array.Sort(indexes, (a, b) => Utf8Text.CompareOrdinal(
                KeyComparison<TKey>.AsUtf8(entries[a].Key).Span, KeyComparison<TKey>.AsUtf8(entries[b].Key).Span));
            return indexes;
        }

        var keys = new TKey[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = StoredKeys.ToKey<TKey, TStored>(entries[i].Key);
        }

        Sort(keys, indexes, order.AsComparer());
        return indexes;
    }

    /// <summary>
    /// Sorts <paramref name="keys"/> and <paramref name="items"/> together with the job's key order, then checks the
    /// order (<see cref="UserOrder.CheckSorted"/>).
    /// </summary>
    /// <exception cref="KeyFailure">The key comparer threw, or is inconsistent.</exception>
    public static void Sort<TKey, TItem>(TKey[] keys, TItem[] items, IComparer<TKey> comparer)
    {
        try
        {
            Array.Sort(keys, items, comparer);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is { } inner)
        {
            // Array.Sort wraps what a comparer throws.
            throw UserOrder.Threw(UserOrder.KeyComparer, null, inner);
        }
        catch (ArgumentException ex)
        {
            // Array.Sort's "IComparer.Compare() method returns inconsistent results".
            throw UserOrder.Inconsistent(UserOrder.KeyComparer, null, "sorting the keys found it giving different answers for the same keys", ex);
        }

        UserOrder.CheckSorted<TKey>(keys, comparer.Compare, UserOrder.KeyComparer, null);
    }

    /// <summary>
    /// Sorts values stably by an order that is a struct (the job's own comparer, called directly: no delegate, inlined where
    /// the JIT or Native AOT can).
    /// </summary>
    /// <exception cref="KeyFailure">The comparer threw or is inconsistent; <paramref name="key"/> names the key.</exception>
    public static void StableSort<T, TOrder>(Span<T> values, object? key)
        where TOrder : struct, IComparer<T>
    {
        if (values.Length < 2)
        {
            return;
        }

        try
        {
            var positions = new int[values.Length];
            var copy = values.ToArray();
            for (int i = 0; i < positions.Length; i++)
            {
                positions[i] = i;
            }

            positions.AsSpan().Sort(new StablePositions<T, TOrder>(copy));
            for (int i = 0; i < positions.Length; i++)
            {
                values[i] = copy[positions[i]];
            }
        }
        catch (InvalidOperationException ex) when (ex.InnerException is { } inner)
        {
            throw UserOrder.Threw(UserOrder.ValueComparer, key, inner);
        }
        catch (ArgumentException ex)
        {
            throw UserOrder.Inconsistent(UserOrder.ValueComparer, key, "sorting found it giving different answers for the same values", ex);
        }

        // As UserOrder.CheckSorted, with the struct comparer called directly.
        TOrder order = default;
        for (int i = 1; i < values.Length; i++)
        {
            int compared;
            try
            {
                compared = order.Compare(values[i - 1], values[i]);
            }
            catch (Exception ex)
            {
                throw UserOrder.Threw(UserOrder.ValueComparer, key, ex);
            }

            if (compared > 0)
            {
                throw UserOrder.Inconsistent(UserOrder.ValueComparer, key, UserOrder.OutOfOrder(values[i - 1], values[i]));
            }
        }
    }

    /// <summary>
    /// Sorts values with a user comparison (a secondary sort, an output order), stably, then checks the order
    /// (<see cref="UserOrder.CheckSorted"/>).
    /// </summary>
    /// <param name="values">The values.</param>
    /// <param name="comparison">The job's comparer.</param>
    /// <param name="key">The key whose values are sorted, for the failure; <see langword="null"/> for none.</param>
    /// <param name="method">Which of the job's comparers it is (<see cref="UserOrder.ValueComparer"/> by default).</param>
    /// <exception cref="KeyFailure">The comparison threw or is inconsistent; <paramref name="key"/> names the key.</exception>
    public static void StableSort<T>(Span<T> values, Comparison<T> comparison, object? key, string method = UserOrder.ValueComparer)
    {
        if (values.Length < 2)
        {
            return;
        }

        try
        {
            // Insertion order breaks ties: sort (value, position) pairs.
            var positions = new int[values.Length];
            var copy = values.ToArray();
            for (int i = 0; i < positions.Length; i++)
            {
                positions[i] = i;
            }

            Array.Sort(positions, (a, b) =>
            {
                int byValue = comparison(copy[a], copy[b]);
                return byValue != 0 ? byValue : a.CompareTo(b);
            });
            for (int i = 0; i < positions.Length; i++)
            {
                values[i] = copy[positions[i]];
            }
        }
        catch (InvalidOperationException ex) when (ex.InnerException is { } inner)
        {
            throw UserOrder.Threw(method, key, inner);
        }
        catch (ArgumentException ex)
        {
            throw UserOrder.Inconsistent(method, key, "sorting found it giving different answers for the same values", ex);
        }

        UserOrder.CheckSorted<T>(values, comparison, method, key);
    }

    /// <summary>Positions of values, in the values' order; insertion order breaks ties.</summary>
    private readonly struct StablePositions<T, TOrder>(T[] items) : IComparer<int>
        where TOrder : struct, IComparer<T>
    {
        public int Compare(int x, int y)
        {
            int byValue = default(TOrder).Compare(items[x], items[y]);
            return byValue != 0 ? byValue : x.CompareTo(y);
        }
    }
}
