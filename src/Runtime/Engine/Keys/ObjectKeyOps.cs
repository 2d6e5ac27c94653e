using System.Runtime.CompilerServices;

namespace MapReduceGen.Engine.Keys;

/// <summary>
/// Keys stored as themselves, hashed and compared by the generated job (<typeparamref name="TKeys"/>): direct calls,
/// no boxing, no comparer interface. The flood-resistant hash is the key's own hash code mixed with a per-process
/// random seed (<see cref="HashCode"/>); the job's equality agrees with the key type's own for every key type the
/// generator accepts.
/// </summary>
internal readonly struct ObjectKeyOps<TKey, TKeys> : IKeyOps<TKey>
    where TKeys : IKeyEquality<TKey>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int StableHash(in TKey key) => TKeys.GetKeyHash(key);

    public int KeyedHash(in TKey key) => HashCode.Combine(key);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Equal(in TKey left, in TKey right) => TKeys.KeysEqual(left, right);
}
