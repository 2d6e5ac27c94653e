namespace MapReduceGen;

/// <summary>One key of a <see cref="KeyTable{TKey, TSlot, TKeys}"/>: the key, its cached hash and its slot.</summary>
internal struct KeyEntry<TKey, TSlot>
{
    public TKey Key;
    public int Hash;
    public TSlot Slot;
}
