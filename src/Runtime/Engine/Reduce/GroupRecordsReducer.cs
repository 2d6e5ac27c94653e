using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Ordering;

namespace MapReduceGen.Engine.Reduce;

/// <summary>
/// A grouping reducer that writes records: as <see cref="GroupReducer{TCall, TKey, TValue, TSlot, TSide, TResult}"/>, but each
/// key's call writes zero or more records to the partition's output (in key order when the output is sorted).
/// </summary>
internal readonly struct GroupRecordsReducer<TCall, TKey, TValue, TSlot, TSide, TRecord> : IReducer<TKey, TValue, TSlot, TRecord>
    where TCall : IGroupRecords<TKey, TValue, TRecord>
    where TSide : IMapSide<TValue, TSlot>
{
    public static bool WritesRecords => true;

    public static PartitionResult<TStored, TSlot, TOps, TRecord> Reduce<TStored, TOps>(
        ReadOnlySpan<Piece<TStored, TSlot, TValue>> pieces, TOps ops, ReduceScope<TKey, TValue> scope)
        where TOps : struct, IKeyOps<TStored>
    {
        var keys = GroupedValues.Gather<TKey, TStored, TSlot, TValue, TOps, TSide>(pieces, ops, scope.State, out TValue[] values, out int[] starts);
        var records = new List<TRecord>();
        int[]? order = KeyLoop.Order(keys, scope);
        var action = new Call(values, starts, new RecordOutput<TRecord>(records), scope.Context, scope.ValueOrder);
        KeyLoop.Run(keys, order, scope, ref action);
        return new(keys, null, order, records);
    }

    private readonly struct Call(TValue[] values, int[] starts, RecordOutput<TRecord> output, TaskContext context, Comparison<TValue>? valueOrder)
        : KeyLoop.IAction<TKey>
    {
        public void Run(int entry, TKey key)
        {
            Span<TValue> span = values.AsSpan(starts[entry], starts[entry + 1] - starts[entry]);
            if (valueOrder is not null)
            {
                KeySort.StableSort(span, valueOrder, key);
            }

            TCall.Reduce(key, span, output, context);
        }
    }
}
