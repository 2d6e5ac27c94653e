using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Local;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Reduce;

/// <summary>
/// A grouping reducer's reduce side: merge the keys (adding their value counts), lay every key's values side by side
/// (pieces in order, each piece's values in emission order), then call the reducer once per key with its values, in
/// place. Stops between keys when the run is cancelled or failed.
/// </summary>
internal readonly struct GroupReducer<TJob, TKey, TValue, TResult> : IReducer<TKey, TValue, int, TResult>
    where TJob : IGroupReducer<TKey, TValue, TResult>
{
    public static bool SlotIsResult => false;

    public static PartitionResult<TStored, int, TOps, TResult> Reduce<TStored, TOps>(
        ReadOnlySpan<Piece<TStored, int, TValue>> pieces, TOps ops, RunState state)
        where TOps : struct, IKeyOps<TStored>
    {
        int[]?[] targets = new int[pieces.Length][];
        var keys = PartitionMerge.Merge<TKey, TStored, int, TValue, TOps, CollectMapSide<TValue>>(pieces, ops, state, targets);
        var results = new TResult[keys.Count];
        if (state.StopRequested)
        {
            return new(keys, results);
        }

        // Each key's values at values[starts[i]..starts[i + 1]].
        ReadOnlySpan<Entry<TStored, int>> entries = keys.Entries;
        int[] starts = new int[entries.Length + 1];
        for (int i = 0; i < entries.Length; i++)
        {
            starts[i + 1] = starts[i] + entries[i].Slot;
        }

        var values = new TValue[starts[^1]];
        int[] next = starts[..^1];
        for (int p = 0; p < pieces.Length; p++)
        {
            if (targets[p] is not { } pieceTargets)
            {
                continue;
            }

            Piece<TStored, int, TValue> piece = pieces[p];
            for (int k = 0; k < pieceTargets.Length; k++)
            {
                ReadOnlySpan<TValue> pieceValues = piece.ValuesOf(piece.Start + k);
                pieceValues.CopyTo(values.AsSpan(next[pieceTargets[k]]));
                next[pieceTargets[k]] += pieceValues.Length;
            }
        }

        for (int i = 0; i < entries.Length; i++)
        {
            if (state.StopRequested)
            {
                break;
            }

            TKey key = StoredKeys.ToKey<TKey, TStored>(entries[i].Key);
            try
            {
                results[i] = TJob.Reduce(key, values.AsSpan(starts[i], starts[i + 1] - starts[i]));
            }
            catch (Exception ex)
            {
                throw new KeyFailure(key, ex);
            }
        }

        return new(keys, results);
    }
}
