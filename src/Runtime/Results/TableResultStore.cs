namespace MapReduceGen;

/// <summary>
/// A result kept in the run's own per-partition tables: no copy at the end of a run, and lookups hash with the
/// job's stable hash and probe one partition's table.
/// </summary>
internal sealed class TableResultStore<TKey, TResult, TKeys> : ResultStore<TKey, TResult>
    where TKeys : struct, IKeyEquality<TKey>
{
    private readonly KeyTable<TKey, TResult, TKeys>[] _tables;
    private readonly long _count;

    public TableResultStore(KeyTable<TKey, TResult, TKeys>[] tables)
    {
        _tables = tables;
        foreach (KeyTable<TKey, TResult, TKeys> table in tables)
        {
            _count += table.Count;
        }
    }

    public override int PartitionCount => _tables.Length;

    public override long Count => _count;

    public override ReadOnlySpan<KeyEntry<TKey, TResult>> GetPartition(int partition) => _tables[partition].Entries;

    public override bool TryGetValue(TKey key, out TResult value)
    {
        if (key is null)
        {
            value = default!;
            return false;
        }

        int hash = TKeys.GetKeyHash(key);
        KeyTable<TKey, TResult, TKeys> table = _tables[_tables.Length == 1 ? 0 : Partitioning.Select(hash, _tables.Length)];
        if (table.TryFind(key, hash, out int index))
        {
            value = table.Entries[index].Slot;
            return true;
        }

        value = default!;
        return false;
    }
}
