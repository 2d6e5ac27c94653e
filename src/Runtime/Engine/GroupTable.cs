namespace MapReduceGen;

/// <summary>A grouping job's table for one partition: keys with value chains.</summary>
internal sealed class GroupTable<TKey, TValue, TKeys>
    where TKeys : struct, IKeyEquality<TKey>
{
    public KeyTable<TKey, ValueChain, TKeys> Keys { get; } = new();

    public ValueNodes<TValue> Values { get; } = new();

    public void Add(TKey key, int hash, TValue value) =>
        Values.Append(ref Keys.GetSlot(key, hash, out _), value);

    public void Add(ReadOnlySpan<char> key, int hash, TValue value) =>
        Values.Append(ref Keys.GetSlot(key, hash, out _), value);
}
