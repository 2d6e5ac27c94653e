using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Reduce;

/// <summary>
/// One partition of a run's output: a table of its keys, and each key's result, either in the key's slot (folds, where
/// the merged accumulator is the result) or at the key's entry index in <see cref="Results"/>; or, for reducers that
/// write records, the partition's records in the order they were written.
/// </summary>
internal sealed class PartitionResult<TStored, TSlot, TOps, TResult>(
    KeyTable<TStored, TSlot, TOps> keys, TResult[]? results, int[]? order = null, List<TResult>? records = null)
    where TOps : struct, IKeyOps<TStored>
{
    public KeyTable<TStored, TSlot, TOps> Keys => keys;

    /// <summary>The results by entry index, or <see langword="null"/> when each slot is its key's result (or records were written).</summary>
    public TResult[]? Results => results;

    /// <summary>
    /// The entry indexes in output order (key order, or the job's output order), or <see langword="null"/> for the table's
    /// own order. Set after reducing when the output is ordered.
    /// </summary>
    public int[]? Order { get; set; } = order;

    /// <summary>The records a record-writing reducer wrote, in order; else <see langword="null"/>.</summary>
    public List<TResult>? Records { get; set; } = records;

    /// <summary>The partition's keys (for a merged partition that wrote records, counted without being kept).</summary>
    public int Count => KeyCount ?? keys.Count;

    /// <summary>The partition's key count when its keys were not kept (records of a merged partition).</summary>
    public int? KeyCount { get; init; }

    /// <summary>The result of the key at entry index <paramref name="entry"/> (not for records).</summary>
    public TResult ResultAt(int entry) =>
        results is { } array ? array[entry] : System.Runtime.CompilerServices.Unsafe.As<TSlot, TResult>(ref keys.EntryAt(entry).Slot);
}
