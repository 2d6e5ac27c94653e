using System.Runtime.CompilerServices;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Ordering;

/// <summary>
/// A job's key order for the engine's sorting and range partitioning: the job struct's
/// <see cref="IKeyEquality{TKey}.CompareKeys"/>, and whether it is the default order of string keys (then keys stored as
/// UTF-8 are compared as stored, without being decoded).
/// </summary>
internal sealed class KeyComparison<TKey>(Comparison<TKey> compare, bool hasKeyComparer)
{
    public Comparison<TKey> Compare { get; } = compare;

    /// <summary>Whether string keys stored as UTF-8 compare as stored (the default ordinal order).</summary>
    public bool ComparesUtf8 { get; } = typeof(TKey) == typeof(string) && !hasKeyComparer;

    /// <summary>
    /// Whether the order is <see cref="Comparer{T}.Default"/>'s on a primitive integer or character type (no
    /// <c>[KeyComparer]</c>: the job's <c>CompareKeys</c> is then <see cref="KeyOrder{TKey}.Compare"/>): no user code, so
    /// keys are sorted and ranges chosen with the runtime's own comparison, without a delegate call per comparison.
    /// </summary>
    public bool IsDefaultOrder { get; } = !hasKeyComparer && IsPrimitive;

    private static bool IsPrimitive =>
        typeof(TKey) == typeof(int) || typeof(TKey) == typeof(long) || typeof(TKey) == typeof(uint) ||
        typeof(TKey) == typeof(ulong) || typeof(TKey) == typeof(short) || typeof(TKey) == typeof(ushort) ||
        typeof(TKey) == typeof(byte) || typeof(TKey) == typeof(sbyte) || typeof(TKey) == typeof(char);

    public static KeyComparison<TKey> Of<TJob>(bool hasKeyComparer)
        where TJob : IKeyEquality<TKey> =>
        new(static (left, right) => TJob.CompareKeys(left, right), hasKeyComparer);

    /// <summary>Compares two stored keys in the key order.</summary>
    public int CompareStored<TStored>(in TStored left, in TStored right)
    {
        if (typeof(TStored) == typeof(Utf8Key) && ComparesUtf8)
        {
            return Utf8Text.CompareOrdinal(AsUtf8(left).Span, AsUtf8(right).Span);
        }

        return Compare(StoredKeys.ToKey<TKey, TStored>(left), StoredKeys.ToKey<TKey, TStored>(right));
    }

    public IComparer<TKey> AsComparer() => Comparer<TKey>.Create(Compare);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Utf8Key AsUtf8<TStored>(in TStored key) => Unsafe.As<TStored, Utf8Key>(ref Unsafe.AsRef(in key));
}
