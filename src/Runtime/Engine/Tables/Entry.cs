namespace MapReduceGen.Engine.Tables;

/// <summary>One key of a <see cref="KeyTable{TStored, TSlot, TOps}"/>: the stored key, its hash and its slot.</summary>
internal struct Entry<TStored, TSlot>
{
    public TStored Key;
    public int Hash;
    public TSlot Slot;
}
