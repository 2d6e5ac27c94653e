namespace MapReduceGen;

/// <summary>
/// Marks the static method of a job that orders the values of a key before its grouping reducer sees them (a
/// secondary sort), <c>static int C(TValue left, TValue right)</c>. Only for reducers that take the values
/// (<c>ReadOnlySpan&lt;TValue&gt;</c> or <c>IReadOnlyList&lt;TValue&gt;</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ValueComparerAttribute : Attribute
{
}
