using MapReduceGen.Engine.Map;

namespace MapReduceGen.Engine.Spill;

/// <summary>One partition of a map task's last table, kept in memory and read in merge order (no bytes involved).</summary>
internal sealed class MemorySource<TStored, TSlot, TValue>(Piece<TStored, TSlot, TValue> piece, int[] order) : MergeSource<TStored, TSlot, TValue>
{
    private readonly bool _keepsValues = piece.HasValues;
    private int _next;
    private int _entry = -1;

    public override ReadOnlySpan<TValue> CurrentValues => _keepsValues ? piece.ValuesOf(_entry) : default;

    public override bool MoveNext()
    {
        if (_next >= order.Length)
        {
            return false;
        }

        _entry = order[_next++];
        Current = piece.EntryArray[_entry];
        return true;
    }
}
