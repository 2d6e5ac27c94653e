using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Reduce;

/// <summary>
/// A combiner with a finishing reducer that writes records: merge the accumulators of each key, then call the reducer
/// once per key (in key order when the output is sorted) with the key, its combined value and the partition's output.
/// </summary>
internal readonly struct FinishRecordsReducer<TJob, TKey, TValue, TRecord> : IReducer<TKey, TValue, TValue, TRecord>
    where TJob : ICombiner<TValue>, IFinishRecords<TKey, TValue, TRecord>
{
    public static bool WritesRecords => true;

    public static PartitionResult<TStored, TValue, TOps, TRecord> Reduce<TStored, TOps>(
        ReadOnlySpan<Piece<TStored, TValue, TValue>> pieces, TOps ops, ReduceScope<TKey, TValue> scope)
        where TOps : struct, IKeyOps<TStored>
    {
        var keys = PartitionMerge.Merge<TKey, TStored, TValue, TValue, TOps, FoldMapSide<TJob, TValue>>(pieces, ops, scope.State);
        int[]? order = KeyLoop.Order(keys, scope);
        var records = new List<TRecord>();
        var action = new Finish<TStored, TOps>(keys, new RecordOutput<TRecord>(records), scope.Context);
        KeyLoop.Run(keys, order, scope, ref action);
        return new(keys, null, order, records);
    }

    private readonly struct Finish<TStored, TOps>(KeyTable<TStored, TValue, TOps> keys, RecordOutput<TRecord> output, TaskContext context)
        : KeyLoop.IAction<TKey>
        where TOps : struct, IKeyOps<TStored>
    {
        public void Run(int entry, TKey key) => TJob.Finish(key, keys.EntryAt(entry).Slot, output, context);
    }
}
