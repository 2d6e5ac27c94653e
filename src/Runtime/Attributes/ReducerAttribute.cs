namespace MapReduceGen;

/// <summary>
/// Marks the static method of a <c>partial</c> job class that reduces the values of one key.
/// </summary>
/// <remarks>
/// Three shapes are accepted:
/// <c>static TValue R(TValue left, TValue right)</c> (a fold: associative and commutative, combined as pairs are emitted),
/// <c>static TResult R(TKey key, ReadOnlySpan&lt;TValue&gt; values)</c> and
/// <c>static TResult R(TKey key, IReadOnlyList&lt;TValue&gt; values)</c> (grouping: sees every value of a key).
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ReducerAttribute : Attribute
{
}
