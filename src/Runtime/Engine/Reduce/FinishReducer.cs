using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Reduce;

/// <summary>
/// A combiner with a finishing reducer: merge the accumulators of each key (as a fold does), then call the reducer once
/// per key with the key and its combined value.
/// </summary>
internal readonly struct FinishReducer<TJob, TKey, TValue, TResult> : IReducer<TKey, TValue, TValue, TResult>
    where TJob : ICombiner<TValue>, IFinishReduce<TKey, TValue, TResult>
{
    public static PartitionResult<TStored, TValue, TOps, TResult> Reduce<TStored, TOps>(
        ReadOnlySpan<Piece<TStored, TValue, TValue>> pieces, TOps ops, ReduceScope<TKey, TValue> scope)
        where TOps : struct, IKeyOps<TStored>
    {
        var keys = PartitionMerge.Merge<TKey, TStored, TValue, TValue, TOps, FoldMapSide<TJob, TValue>>(pieces, ops, scope.State);
        ReduceOutput<TResult> output = scope.CreateOutput<TResult>(keys.Count);
        return KeyLoop.Run(keys, scope, output, new Finish<TStored, TOps>(keys, output, scope.Context));
    }

    public static bool TakesKey => true;

    public static bool SeesEachSlot => false;

    public static void ReduceGroup(TKey key, Span<TValue> slots, Span<TValue> values, KeyOutput<TResult> output, ReduceScope<TKey, TValue> scope) =>
        TJob.Finish(key, FoldReducer<TJob, TKey, TValue>.Combined(slots), output, scope.Context);

    private readonly struct Finish<TStored, TOps>(KeyTable<TStored, TValue, TOps> keys, ReduceOutput<TResult> output, TaskContext context)
        : KeyLoop.IAction<TKey>
        where TOps : struct, IKeyOps<TStored>
    {
        public void Run(int entry, TKey key) => TJob.Finish(key, keys.EntryAt(entry).Slot, output.For(entry), context);
    }
}
