using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Local;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Reduce;

/// <summary>
/// Merges one partition's pieces into one table. Keys are distinct within a piece, so the largest piece goes in
/// without equality checks (and when it owns its entry array, as the only partition of a local map task's output, that
/// array becomes the table's, so one map task and one partition copy no entry at all); every other entry is looked up, and a key already present merges its slot
/// (<see cref="IMapSide{TValue, TSlot}.Merge"/>: combine accumulators, add value counts). Stored keys are not copied:
/// the merged table points at the pieces' keys.
/// </summary>
internal static class PartitionMerge
{
    private const int StopCheckInterval = 1024;

    public static KeyTable<TStored, TSlot, TOps> Merge<TKey, TStored, TSlot, TValue, TOps, TSide>(
        ReadOnlySpan<Piece<TStored, TSlot, TValue>> pieces, TOps ops, RunState state, int[]?[]? targets = null)
        where TOps : struct, IKeyOps<TStored>
        where TSide : IMapSide<TValue, TSlot>
    {
        int largest = -1;
        long total = 0;
        for (int i = 0; i < pieces.Length; i++)
        {
            total += pieces[i].Length;
            if (pieces[i].Length > 0 && (largest < 0 || pieces[i].Length > pieces[largest].Length))
            {
                largest = i;
            }
        }

        // Room for every entry when that is at most twice the largest piece (pieces that share few keys grow the table
        // once at most; the dropped smaller array would be garbage as large as the table), else for the largest piece.
        int capacity = largest < 0 ? 0 : pieces[largest].Length;
        if (total <= 2L * capacity && total <= 1 << 30)
        {
            capacity = (int)total;
        }

        if (largest < 0)
        {
            return new KeyTable<TStored, TSlot, TOps>(ops, capacity);
        }

        // A piece that owns its array (one partition) becomes the table as it is: no entry is copied. Not when values
        // are laid out afterwards (targets): that reads every piece's own slots, which merging would change.
        Piece<TStored, TSlot, TValue> biggest = pieces[largest];
        KeyTable<TStored, TSlot, TOps>? table = biggest.OwnsEntryArray && targets is null
            ? KeyTable<TStored, TSlot, TOps>.Adopt(ops, biggest.EntryArray, biggest.Length)
            : null;
        ReadOnlySpan<Entry<TStored, TSlot>> first = biggest.Entries;
        int[]? firstTargets = targets is null ? null : targets[largest] = new int[first.Length];
        if (table is null)
        {
            table = new KeyTable<TStored, TSlot, TOps>(ops, capacity);
            for (int k = 0; k < first.Length; k++)
            {
                ref readonly Entry<TStored, TSlot> entry = ref first[k];
                table.AddUnique(entry.Key, entry.Hash) = entry.Slot;
            }
        }

        if (firstTargets is not null)
        {
            for (int k = 0; k < firstTargets.Length; k++)
            {
                firstTargets[k] = k;
            }
        }

        for (int i = 0; i < pieces.Length; i++)
        {
            if (i == largest || pieces[i].Length == 0)
            {
                continue;
            }

            ReadOnlySpan<Entry<TStored, TSlot>> entries = pieces[i].Entries;
            int[]? pieceTargets = targets is null ? null : targets[i] = new int[entries.Length];
            for (int k = 0; k < entries.Length; k++)
            {
                if (k % StopCheckInterval == 0 && state.StopRequested)
                {
                    return table;
                }

                ref readonly Entry<TStored, TSlot> entry = ref entries[k];
                ref TSlot slot = ref table.GetSlot(new ObjectProbe<TStored, TOps>(entry.Key, ops), entry.Hash, out bool added, out int index);
                if (pieceTargets is not null)
                {
                    pieceTargets[k] = index;
                }

                if (added)
                {
                    slot = entry.Slot;
                    continue;
                }

                try
                {
                    TSide.Merge(ref slot, entry.Slot);
                }
                catch (Exception ex)
                {
                    throw new KeyFailure(StoredKeys.ToKey<TKey, TStored>(entry.Key), ex);
                }
            }
        }

        return table;
    }
}
