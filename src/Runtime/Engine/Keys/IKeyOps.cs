namespace MapReduceGen.Engine.Keys;

/// <summary>
/// How a table hashes and compares the keys it stores (<typeparamref name="TStored"/>): the job's own key for most
/// key types (<see cref="ObjectKeyOps{TKey, TKeys}"/>), UTF-8 bytes for strings (<see cref="Utf8KeyOps"/>). Implemented
/// by structs, so a table specialised for them calls these directly.
/// </summary>
/// <typeparam name="TStored">The stored form of a key.</typeparam>
internal interface IKeyOps<TStored>
{
    /// <summary>The key's stable hash (the same in every process): partitions, and a table's hash until it is flooded.</summary>
    int StableHash(in TStored key);

    /// <summary>A hash keyed per process that chosen keys cannot make collide: a flooded table's hash.</summary>
    int KeyedHash(in TStored key);

    /// <summary>Whether two stored keys are the same key.</summary>
    bool Equal(in TStored left, in TStored right);
}
