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

    // One combined value per run (KeepSlotsSide): the slots are the values the reducer sees.
    public static bool SeesEachSlot => !TSide.KeepsValues;

    public static void ReduceGroup(TKey key, Span<TSlot> slots, Span<TValue> values, KeyOutput<TResult> output, ReduceScope<TKey, TValue> scope)
    {
        // Kept values, or (a combiner's) one combined value per run: then the slots are the values.
        Span<TValue> span = TSide.KeepsValues
            ? values
            : System.Runtime.InteropServices.MemoryMarshal.CreateSpan(
                ref System.Runtime.CompilerServices.Unsafe.As<TSlot, TValue>(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(slots)), slots.Length);
        SortValues(span, scope.ValueOrder, key);

        // The values are in the merge's buffer, which the next key reuses: the reducer gets them as a span (a list reducer
        // copies them).
        TJob.Reduce(key, span, output, scope.Context);
    }

    /// <summary>Sorts a key's values by the job's value order: its own (a direct call), or a comparison a definition was given.</summary>
    private static void SortValues(Span<TValue> span, Comparison<TValue>? valueOrder, TKey key)
    {
        if (TJob.SortsValues)
        {
            KeySort.StableSort<TValue, JobValueOrder>(span, key);
        }
        else if (valueOrder is not null)
        {
            KeySort.StableSort(span, valueOrder, key);
        }
    }

    /// <summary>The job's <c>[ValueComparer]</c>, called directly.</summary>
    private readonly struct JobValueOrder : IComparer<TValue>
    {
        public int Compare(TValue? x, TValue? y) => TJob.CompareValues(x!, y!);
    }

    private readonly struct Call(TValue[] values, int[] starts, ReduceOutput<TResult> output, TaskContext context, Comparison<TValue>? valueOrder)
        : KeyLoop.IAction<TKey>
    {
        public void Run(int entry, TKey key)
        {
            int start = starts[entry];
            int count = starts[entry + 1] - start;
            SortValues(values.AsSpan(start, count), valueOrder, key);
            if (TJob.TakesList)
            {
                // The partition's values array is the run's own and is not reused: a list reducer gets a view of it, not a copy.
                TJob.ReduceList(key, new ArraySegment<TValue>(values, start, count), output.For(entry), context);
            }
            else
            {
                TJob.Reduce(key, values.AsSpan(start, count), output.For(entry), context);
            }
        }
    }
}
