namespace MapReduceGen;

/// <summary>
/// Marks the static method of a job that combines two values of one key into one,
/// <c>static TValue C(TValue left, TValue right)</c>: associative and commutative, applied map-side as values are emitted
/// (so each map task keeps one value per key, never a list).
/// </summary>
/// <remarks>
/// With a finishing reducer <c>static TResult R(TKey key, TValue combined)</c>, the reducer sees each key's single
/// combined value (a mean, a standard deviation, a normalisation) without a second pass over values. With a grouping
/// reducer <c>static TResult R(TKey key, ReadOnlySpan&lt;TValue&gt; values)</c>, it is Hadoop's combiner: the reducer
/// sees one combined value per map task. A fold reducer (<c>TValue R(TValue, TValue)</c>) is already its own combiner.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class CombinerAttribute : Attribute
{
}
