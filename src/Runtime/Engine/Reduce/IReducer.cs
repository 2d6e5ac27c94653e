using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;

namespace MapReduceGen.Engine.Reduce;

/// <summary>
/// A reducer shape's reduce side: how one partition's pieces (that partition of every map task's output) become that
/// partition of the output. Executors call it per partition, wherever the pieces came from (a local worker's memory, a
/// silo's map output); it throws <see cref="KeyFailure"/> when user code throws for a key. When the scope asks for key
/// order, the partition's keys are reduced in that order and <see cref="PartitionResult{TStored, TSlot, TOps, TResult}.Order"/>
/// holds it. Whether the user's reducer returns a result per key or writes records is the output's concern
/// (<see cref="ReduceOutput{TResult}"/>), not the shape's.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <typeparam name="TSlot">What a key's slot holds (see <see cref="IMapSide{TValue, TSlot}"/>).</typeparam>
/// <typeparam name="TResult">The result type (per key), or the record type.</typeparam>
internal interface IReducer<TKey, TValue, TSlot, TResult>
{
    static abstract PartitionResult<TStored, TSlot, TOps, TResult> Reduce<TStored, TOps>(
        ReadOnlySpan<Piece<TStored, TSlot, TValue>> pieces, TOps ops, ReduceScope<TKey, TValue> scope)
        where TOps : struct, IKeyOps<TStored>;

    /// <summary>
    /// Whether <see cref="ReduceGroup"/> reads its key (a fold only combines slots: a merge then makes no key object, no
    /// string per key, unless a failure names it).
    /// </summary>
    static abstract bool TakesKey { get; }

    /// <summary>
    /// Whether the reducer sees each run's slot of a key as a value of its own (a combiner with a grouping reducer: one
    /// combined value per map task), so runs of different map tasks must not be combined into one slot before it.
    /// </summary>
    static abstract bool SeesEachSlot { get; }

    /// <summary>
    /// Reduces one key that a k-way merge of sorted runs brought together (a partition too large for memory): its slot
    /// from each run that holds it, in run order, and, for shapes that keep every value, all its values.
    /// </summary>
    static abstract void ReduceGroup(TKey key, Span<TSlot> slots, Span<TValue> values, KeyOutput<TResult> output, ReduceScope<TKey, TValue> scope);
}
