namespace MapReduceGen.Engine.Ordering;

/// <summary>
/// The default order of a key type, when the job declares none: ordinal for strings (by UTF-16 code unit, as
/// <see cref="string.CompareOrdinal(string, string)"/>), the type's own <see cref="IComparable{T}"/> or
/// <see cref="IComparable"/> otherwise. Tuple and record keys without an order of their own are compared member by member
/// by code the generator writes (never by their text). Only a key type with none of these (a class or struct with
/// hand-written equality and no order) falls back to its text, ordinally, so that <c>Top</c>'s ties stay reproducible;
/// sorting by such a key needs a <c>[KeyComparer]</c> (diagnostic MRG0030).
/// </summary>
internal static class KeyOrder<TKey>
{
    public static readonly bool IsOrdered =
        typeof(TKey) == typeof(string) ||
        typeof(IComparable<TKey>).IsAssignableFrom(typeof(TKey)) ||
        typeof(IComparable).IsAssignableFrom(typeof(TKey)) ||
        (Nullable.GetUnderlyingType(typeof(TKey)) is { } underlying && typeof(IComparable).IsAssignableFrom(underlying));

    public static int Compare(TKey left, TKey right)
    {
        if (typeof(TKey) == typeof(string))
        {
            return string.CompareOrdinal((string?)(object?)left, (string?)(object?)right);
        }

        return IsOrdered
            ? Comparer<TKey>.Default.Compare(left, right)
            : string.CompareOrdinal(left?.ToString(), right?.ToString());
    }
}
