using System.Globalization;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Ordering;

/// <summary>
/// The job's own orders and partitioner as failures name them, and the cheap checks of their contract: a comparer that
/// throws, or that orders the same values differently from one call to the next (a random or stateful comparer, which
/// <see cref="Array.Sort{T}(T[], Comparison{T})"/> reports as an <see cref="ArgumentException"/> or not at all), fails the
/// reduce phase with a <see cref="KeyFailure"/> that says which method it was.
/// </summary>
internal static class UserOrder
{
    /// <summary>The job's <c>[KeyComparer]</c> (or the member-wise order of its keys).</summary>
    public const string KeyComparer = "key comparer";

    /// <summary>The job's <c>[ValueComparer]</c>.</summary>
    public const string ValueComparer = "value comparer";

    /// <summary>The job's <c>[OutputComparer]</c>.</summary>
    public const string OutputComparer = "output comparer";

    /// <summary>The job's <c>[Partitioner]</c>.</summary>
    public const string Partitioner = "partitioner";

    private const int LongestShownKey = 100;

    /// <summary>A failure for a comparer (or partitioner) that threw.</summary>
    public static KeyFailure Threw(string method, object? key, Exception inner) =>
        new(key, inner, $"the {method} threw") { Phase = MapReducePhase.Reduce };

    /// <summary>A failure for a comparer (or partitioner) that broke its contract; <paramref name="detail"/> says how.</summary>
    public static KeyFailure Inconsistent(string method, object? key, string detail, Exception? inner = null) =>
        new(key, new InvalidOperationException($"The {method} ({Attribute(method)}) is inconsistent: {detail}", inner), $"the {method} failed")
        {
            Phase = MapReducePhase.Reduce,
        };

    /// <summary>
    /// Checks, after a sort, that every value compares as not greater than the next one: one more call per value, which
    /// finds a comparer that answers at random (most adjacent pairs of a sort by such a comparer compare out of order).
    /// </summary>
    /// <exception cref="KeyFailure">The comparer threw, or ordered a pair out of order.</exception>
    public static void CheckSorted<T>(ReadOnlySpan<T> sorted, Comparison<T> compare, string method, object? key)
    {
        for (int i = 1; i < sorted.Length; i++)
        {
            int order;
            try
            {
                order = compare(sorted[i - 1], sorted[i]);
            }
            catch (Exception ex)
            {
                throw Threw(method, key, ex);
            }

            if (order > 0)
            {
                throw Inconsistent(method, key, OutOfOrder(sorted[i - 1], sorted[i]));
            }
        }
    }

    /// <summary>What an inconsistent comparer did: two neighbours out of order after a sort by it.</summary>
    public static string OutOfOrder<T>(T before, T after) => string.Create(
        CultureInfo.InvariantCulture,
        $"after sorting, '{Show(before)}' comes before '{Show(after)}' but compares as greater; a comparer must order the same values the same way every time (a total order)");

    /// <summary>A value as a message shows it: its text, cut short.</summary>
    public static string Show(object? value)
    {
        string text = value?.ToString() ?? "null";
        return text.Length <= LongestShownKey ? text : string.Concat(text.AsSpan(0, LongestShownKey), "...");
    }

    private static string Attribute(string method) => method switch
    {
        KeyComparer => "[KeyComparer]",
        ValueComparer => "[ValueComparer]",
        OutputComparer => "[OutputComparer]",
        _ => "[Partitioner]",
    };
}
