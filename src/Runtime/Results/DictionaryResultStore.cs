namespace MapReduceGen.Engine.Results;

/// <summary>A result built from entries another executor gathered, looked up with the key type's default equality.</summary>
internal sealed class DictionaryResultStore<TKey, TResult> : ResultStore<TKey, TResult>
    where TKey : notnull
{
    private readonly KeyValuePair<TKey, TResult>[] _entries;
    private readonly Dictionary<TKey, int> _index;

    public DictionaryResultStore(IEnumerable<KeyValuePair<TKey, TResult>> entries)
    {
        var list = new List<KeyValuePair<TKey, TResult>>();
        _index = [];
        foreach (KeyValuePair<TKey, TResult> pair in entries)
        {
            if (!_index.TryAdd(pair.Key, list.Count))
            {
                throw new ArgumentException($"The key '{pair.Key}' appears more than once.", nameof(entries));
            }

            list.Add(pair);
        }

        _entries = [.. list];
    }

    public override int PartitionCount => 1;

    public override long Count => _entries.Length;

    public override int PartitionLength(int partition) => _entries.Length;

    public override TKey KeyAt(int partition, int index) => _entries[index].Key;

    public override TResult ResultAt(int partition, int index) => _entries[index].Value;

    public override bool TryGetValue(TKey key, out TResult value)
    {
        if (key is not null && _index.TryGetValue(key, out int index))
        {
            value = _entries[index].Value;
            return true;
        }

        value = default!;
        return false;
    }
}
