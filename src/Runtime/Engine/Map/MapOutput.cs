using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Map;

/// <summary>
/// What a map task leaves for the reduce phase: its table's entries (stored key, stable hash, slot), grouped by
/// partition, and for jobs that need every value, each key's values side by side. Partition <c>p</c> is one
/// contiguous <see cref="Piece{TStored, TSlot, TValue}"/>; a reduce task takes partition <c>p</c> of every map output.
/// </summary>
internal sealed class MapOutput<TStored, TSlot, TValue>(
    Entry<TStored, TSlot>[] entries, int[] partitionStarts, TValue[]? values, int[]? valueStarts)
{
    public int PartitionCount => partitionStarts.Length - 1;

    public int Count => partitionStarts[^1];

    /// <summary>
    /// Partition <paramref name="partition"/> of this output. With one partition the piece owns the entry array: this
    /// output must not be read again once the piece is reduced.
    /// </summary>
    public Piece<TStored, TSlot, TValue> Partition(int partition) => new(
        entries,
        partitionStarts[partition],
        partitionStarts[partition + 1] - partitionStarts[partition],
        values,
        valueStarts,
        ownsEntryArray: PartitionCount == 1);

    /// <summary>The whole output as one piece (a single partition).</summary>
    public Piece<TStored, TSlot, TValue> All => new(entries, 0, Count, values, valueStarts);
}
