using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Reduce;

/// <summary>
/// One partition of a run's result: a table of its keys, and each key's result, either in the key's slot (folds, where
/// the merged accumulator is the result) or at the key's entry index in <see cref="Results"/>.
/// </summary>
internal sealed class PartitionResult<TStored, TSlot, TOps, TResult>(KeyTable<TStored, TSlot, TOps> keys, TResult[]? results)
    where TOps : struct, IKeyOps<TStored>
{
    public KeyTable<TStored, TSlot, TOps> Keys => keys;

    /// <summary>The results by entry index, or <see langword="null"/> when each slot is its key's result.</summary>
    public TResult[]? Results => results;

    public int Count => keys.Count;
}
