using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// Hashing and equality of a job's key type, as static members so that generic code specialised for a job (a
/// struct type argument) calls them directly: no boxing, no comparer interface calls.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IKeyEquality<TKey>
{
    /// <summary>
    /// A hash of <paramref name="key"/> that is stable across processes and machines (never
    /// <see cref="string.GetHashCode()"/>), used to partition pairs and in the job's tables. For <see cref="string"/>
    /// keys it must equal <see cref="StableHash.Of(ReadOnlySpan{char})"/>.
    /// </summary>
    /// <param name="key">The key (never <see langword="null"/>).</param>
    /// <returns>The hash.</returns>
    static abstract int GetKeyHash(TKey key);

    /// <summary>
    /// A hash of <paramref name="key"/>'s contents keyed by a secret drawn once per process, which keys chosen in advance
    /// cannot make collide: what a table switches to when its keys collide under <see cref="GetKeyHash"/> (hash
    /// flooding). Keys that are equal (<see cref="KeysEqual"/>) must hash alike. The default,
    /// <see cref="KeyedHash.Of{T}(T)"/>, hashes strings, numbers (normalised as their equality compares them), dates,
    /// GUIDs and enums by their contents; the generator writes a member-wise one for tuple and record keys.
    /// </summary>
    /// <param name="key">The key (never <see langword="null"/>).</param>
    /// <returns>The keyed hash.</returns>
    static virtual int GetKeyedHash(TKey key) => KeyedHash.Of(key);

    /// <summary>Whether two keys are equal (ordinal for strings).</summary>
    /// <param name="left">A key.</param>
    /// <param name="right">Another key.</param>
    /// <returns><see langword="true"/> when the keys are equal.</returns>
    static abstract bool KeysEqual(TKey left, TKey right);

    /// <summary>
    /// Orders two keys (negative when <paramref name="left"/> comes first): what sorted output, total-order partitions and
    /// the ties of <c>Top</c> use. The default is the key type's own order (ordinal for strings,
    /// <see cref="IComparable{T}"/> otherwise); the generator overrides it with the job's <c>[KeyComparer]</c>, or member by
    /// member for tuple and record keys that have no order of their own.
    /// </summary>
    /// <param name="left">A key.</param>
    /// <param name="right">Another key.</param>
    /// <returns>The order of the two keys.</returns>
    static virtual int CompareKeys(TKey left, TKey right) => Ordering.KeyOrder<TKey>.Compare(left, right);
}
