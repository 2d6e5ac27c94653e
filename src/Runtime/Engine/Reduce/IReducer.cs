using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Local;
using MapReduceGen.Engine.Map;

namespace MapReduceGen.Engine.Reduce;

/// <summary>
/// A reducer shape's reduce side: how one partition's pieces (that partition of every map task's output) become that
/// partition of the result. Executors call it per partition, wherever the pieces came from (a local worker's memory, a
/// silo's map output); it throws <see cref="KeyFailure"/> when user code throws for a key.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <typeparam name="TSlot">What a key's slot holds (see <see cref="IMapSide{TValue, TSlot}"/>).</typeparam>
/// <typeparam name="TResult">The result type.</typeparam>
internal interface IReducer<TKey, TValue, TSlot, TResult>
{
    /// <summary>
    /// Whether a key's merged slot is its result (folds): then a run with one map task and one partition takes that
    /// task's table as its result, with nothing merged or copied.
    /// </summary>
    static abstract bool SlotIsResult { get; }

    static abstract PartitionResult<TStored, TSlot, TOps, TResult> Reduce<TStored, TOps>(
        ReadOnlySpan<Piece<TStored, TSlot, TValue>> pieces, TOps ops, RunState state)
        where TOps : struct, IKeyOps<TStored>;
}
