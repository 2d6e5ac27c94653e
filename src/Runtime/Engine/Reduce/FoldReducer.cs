using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Local;
using MapReduceGen.Engine.Map;

namespace MapReduceGen.Engine.Reduce;

/// <summary>A fold's reduce side: merge the accumulators of each key; the merged accumulator is the key's result.</summary>
internal readonly struct FoldReducer<TJob, TKey, TValue> : IReducer<TKey, TValue, TValue, TValue>
    where TJob : ICombiner<TValue>
{
    public static bool SlotIsResult => true;

    public static PartitionResult<TStored, TValue, TOps, TValue> Reduce<TStored, TOps>(
        ReadOnlySpan<Piece<TStored, TValue, TValue>> pieces, TOps ops, RunState state)
        where TOps : struct, IKeyOps<TStored> =>
        new(PartitionMerge.Merge<TKey, TStored, TValue, TValue, TOps, FoldMapSide<TJob, TValue>>(pieces, ops, state), null);
}
