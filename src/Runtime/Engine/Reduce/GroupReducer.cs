using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Ordering;

namespace MapReduceGen.Engine.Reduce;

/// <summary>
/// A grouping reducer's reduce side: merge the keys, lay every key's values side by side (<see cref="GroupedValues"/>:
/// the values map tasks kept, or one combined value per map task), sort them when the job orders values (a secondary
/// sort), then call the reducer once per key with its values, in place. Stops between keys when the run is cancelled or
/// failed.
/// </summary>
/// <typeparam name="TJob">The job, whose reducer is called.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <typeparam name="TSlot">What a piece's slot holds: a value count, or the combined value.</typeparam>
/// <typeparam name="TSide">How pieces' keys merge: <see cref="CollectMapSide{TValue}"/> or <see cref="KeepSlotsSide{TValue}"/>.</typeparam>
/// <typeparam name="TResult">The result type, or the record type.</typeparam>
internal readonly struct GroupReducer<TJob, TKey, TValue, TSlot, TSide, TResult> : IReducer<TKey, TValue, TSlot, TResult>
    where TJob : IGroupReduce<TKey, TValue, TResult>
    where TSide : IMapSide<TValue, TSlot>
{
    public static PartitionResult<TStored, TSlot, TOps, TResult> Reduce<TStored, TOps>(
        ReadOnlySpan<Piece<TStored, TSlot, TValue>> pieces, TOps ops, ReduceScope<TKey, TValue> scope)
        where TOps : struct, IKeyOps<TStored>
    {
        var keys = GroupedValues.Gather<TKey, TStored, TSlot, TValue, TOps, TSide>(pieces, ops, scope.State, out TValue[] values, out int[] starts);
        ReduceOutput<TResult> output = scope.CreateOutput<TResult>(keys.Count);
        return KeyLoop.Run(keys, scope, output, new Call(values, starts, output, scope.Context, scope.ValueOrder));
    }

    public static bool TakesKey => true;

    public static void ReduceGroup(TKey key, Span<TSlot> slots, Span<TValue> values, KeyOutput<TResult> output, ReduceScope<TKey, TValue> scope)
    {
        // Kept values, or (a combiner's) one combined value per run: then the slots are the values.
        Span<TValue> span = TSide.KeepsValues
            ? values
            : System.Runtime.InteropServices.MemoryMarshal.CreateSpan(
                ref System.Runtime.CompilerServices.Unsafe.As<TSlot, TValue>(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(slots)), slots.Length);
        if (scope.ValueOrder is { } valueOrder)
        {
            KeySort.StableSort(span, valueOrder, key);
        }

        TJob.Reduce(key, span, output, scope.Context);
    }

    private readonly struct Call(TValue[] values, int[] starts, ReduceOutput<TResult> output, TaskContext context, Comparison<TValue>? valueOrder)
        : KeyLoop.IAction<TKey>
    {
        public void Run(int entry, TKey key)
        {
            Span<TValue> span = values.AsSpan(starts[entry], starts[entry + 1] - starts[entry]);
            if (valueOrder is not null)
            {
                KeySort.StableSort(span, valueOrder, key);
            }

            TJob.Reduce(key, span, output.For(entry), context);
        }
    }
}
