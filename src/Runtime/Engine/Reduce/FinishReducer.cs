using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Reduce;

/// <summary>
/// A combiner with a finishing reducer: merge the accumulators of each key (as a fold does), then call the reducer once
/// per key with the key and its combined value; its return is the key's result.
/// </summary>
internal readonly struct FinishReducer<TJob, TKey, TValue, TResult> : IReducer<TKey, TValue, TValue, TResult>
    where TJob : ICombiner<TValue>, IFinishReduce<TKey, TValue, TResult>
{
    public static bool WritesRecords => false;

    public static PartitionResult<TStored, TValue, TOps, TResult> Reduce<TStored, TOps>(
        ReadOnlySpan<Piece<TStored, TValue, TValue>> pieces, TOps ops, ReduceScope<TKey, TValue> scope)
        where TOps : struct, IKeyOps<TStored>
    {
        var keys = PartitionMerge.Merge<TKey, TStored, TValue, TValue, TOps, FoldMapSide<TJob, TValue>>(pieces, ops, scope.State);
        int[]? order = KeyLoop.Order(keys, scope);
        var action = new Finish<TStored, TOps>(keys, new TResult[keys.Count], scope.Context);
        KeyLoop.Run(keys, order, scope, ref action);
        return new(keys, action.Results, order);
    }

    private readonly struct Finish<TStored, TOps>(KeyTable<TStored, TValue, TOps> keys, TResult[] results, TaskContext context)
        : KeyLoop.IAction<TKey>
        where TOps : struct, IKeyOps<TStored>
    {
        public TResult[] Results => results;

        public void Run(int entry, TKey key) => results[entry] = TJob.Finish(key, keys.EntryAt(entry).Slot, context);
    }
}
