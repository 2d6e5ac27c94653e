using System.Runtime.CompilerServices;

namespace MapReduceGen.Engine.Keys;

/// <summary>
/// Keys stored as themselves, hashed and compared by the generated job (<typeparamref name="TKeys"/>): direct calls,
/// no boxing, no comparer interface. The flood-resistant hash is the job's <see cref="IKeyEquality{TKey}.GetKeyedHash"/>:
/// the key's contents mixed with a per-process secret (<see cref="Engine.KeyedHash"/>), member by member for tuples and
/// records; the job's equality agrees with the key type's own for every key type the generator accepts.
/// </summary>
internal readonly struct ObjectKeyOps<TKey, TKeys> : IKeyOps<TKey>
    where TKeys : IKeyEquality<TKey>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int StableHash(in TKey key) => TKeys.GetKeyHash(key);

    public int KeyedHash(in TKey key) => TKeys.GetKeyedHash(key);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Equal(in TKey left, in TKey right) => TKeys.KeysEqual(left, right);
}
