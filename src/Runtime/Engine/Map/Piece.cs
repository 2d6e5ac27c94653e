using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Map;

/// <summary>
/// One partition of one map task's output: <see cref="Length"/> entries with distinct keys starting at
/// <see cref="Start"/>, and, for jobs that need every value, the values of entry <c>i</c> at
/// <c>Values[ValueStarts[i]..ValueStarts[i + 1]]</c>. The local runner's pieces are slices of its workers' outputs; a
/// cluster reduce task's pieces are decoded from what map tasks sent.
/// </summary>
internal readonly struct Piece<TStored, TSlot, TValue>(
    Entry<TStored, TSlot>[] entries, int start, int length, TValue[]? values, int[]? valueStarts, bool ownsEntryArray = false)
{
    /// <summary>
    /// Whether the piece is all its entry array holds and nothing reads the array once the piece is reduced (the only
    /// partition of a local map output): the reduce may then take the array as its table's entries instead of copying.
    /// </summary>
    public bool OwnsEntryArray => ownsEntryArray && start == 0;

    public Entry<TStored, TSlot>[] EntryArray => entries;

    public int Start => start;

    public int Length => length;

    public ReadOnlySpan<Entry<TStored, TSlot>> Entries => entries.AsSpan(start, length);

    /// <summary>Whether the piece keeps each key's values (jobs that need every value).</summary>
    public bool HasValues => values is not null;

    /// <summary>The values of the entry at <paramref name="index"/> (an index into <see cref="EntryArray"/>).</summary>
    public ReadOnlySpan<TValue> ValuesOf(int index) =>
        values.AsSpan(valueStarts![index], valueStarts[index + 1] - valueStarts[index]);
}
