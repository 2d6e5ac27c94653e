using System.Runtime.CompilerServices;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Reduce;

/// <summary>
/// Lays out the values of each key of a partition side by side, for reducers that see a key's values: pieces in order,
/// and within a piece either the values the map task kept (in emission order, <see cref="CollectMapSide{TValue}"/>) or the
/// one value it combined (<see cref="KeepSlotsSide{TValue}"/>: Hadoop's combiner, one value per map task).
/// </summary>
internal static class GroupedValues
{
    /// <summary>Merges the pieces' keys and gathers their values: key entry <c>i</c>'s values are <c>values[starts[i]..starts[i + 1]]</c>.</summary>
    public static KeyTable<TStored, TSlot, TOps> Gather<TKey, TStored, TSlot, TValue, TOps, TSide>(
        ReadOnlySpan<Piece<TStored, TSlot, TValue>> pieces, TOps ops, RunState state, out TValue[] values, out int[] starts)
        where TOps : struct, IKeyOps<TStored>
        where TSide : IMapSide<TValue, TSlot>
    {
        int[]?[] targets = new int[pieces.Length][];
        var keys = PartitionMerge.Merge<TKey, TStored, TSlot, TValue, TOps, TSide>(pieces, ops, state, targets);
        starts = new int[keys.Count + 1];
        if (state.StopRequested)
        {
            values = [];
            return keys;
        }

        // How many values each key has: the kept values' counts, or one per piece that holds the key.
        for (int p = 0; p < pieces.Length; p++)
        {
            if (targets[p] is not { } pieceTargets)
            {
                continue;
            }

            ReadOnlySpan<Entry<TStored, TSlot>> entries = pieces[p].Entries;
            for (int k = 0; k < pieceTargets.Length; k++)
            {
                starts[pieceTargets[k] + 1] += TSide.KeepsValues ? Unsafe.As<TSlot, int>(ref Unsafe.AsRef(in entries[k].Slot)) : 1;
            }
        }

        for (int i = 0; i < keys.Count; i++)
        {
            starts[i + 1] += starts[i];
        }

        values = new TValue[starts[^1]];
        int[] next = starts[..^1];
        for (int p = 0; p < pieces.Length; p++)
        {
            if (targets[p] is not { } pieceTargets)
            {
                continue;
            }

            Piece<TStored, TSlot, TValue> piece = pieces[p];
            ReadOnlySpan<Entry<TStored, TSlot>> entries = piece.Entries;
            for (int k = 0; k < pieceTargets.Length; k++)
            {
                int target = pieceTargets[k];
                if (TSide.KeepsValues)
                {
                    ReadOnlySpan<TValue> pieceValues = piece.ValuesOf(piece.Start + k);
                    pieceValues.CopyTo(values.AsSpan(next[target]));
                    next[target] += pieceValues.Length;
                }
                else
                {
                    values[next[target]++] = Unsafe.As<TSlot, TValue>(ref Unsafe.AsRef(in entries[k].Slot));
                }
            }
        }

        return keys;
    }
}
