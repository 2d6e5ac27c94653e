using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;

namespace MapReduceGen.Engine.Reduce;

/// <summary>A fold's reduce side: merge the accumulators of each key; the merged accumulator is the key's result.</summary>
internal readonly struct FoldReducer<TJob, TKey, TValue> : IReducer<TKey, TValue, TValue, TValue>
    where TJob : ICombiner<TValue>
{
    public static PartitionResult<TStored, TValue, TOps, TValue> Reduce<TStored, TOps>(
        ReadOnlySpan<Piece<TStored, TValue, TValue>> pieces, TOps ops, ReduceScope<TKey, TValue> scope)
        where TOps : struct, IKeyOps<TStored>
    {
        var keys = PartitionMerge.Merge<TKey, TStored, TValue, TValue, TOps, FoldMapSide<TJob, TValue>>(pieces, ops, scope.State);
        return new(keys, null, KeyLoop.Order(keys, scope));
    }

    public static bool TakesKey => false;

    public static bool SeesEachSlot => false;

    public static void ReduceGroup(TKey key, Span<TValue> slots, Span<TValue> values, KeyOutput<TValue> output, ReduceScope<TKey, TValue> scope) =>
        output.Set(Combined(slots));

    /// <summary>The slots of one key folded with the job's combiner.</summary>
    internal static TValue Combined(Span<TValue> slots)
    {
        TValue combined = slots[0];
        for (int i = 1; i < slots.Length; i++)
        {
            combined = TJob.Combine(combined, slots[i]);
        }

        return combined;
    }
}
