namespace MapReduceGen;

/// <summary>
/// Marks the static method of a job that orders its keys, <c>static int C(TKey left, TKey right)</c> (negative when
/// <c>left</c> comes first, as <see cref="Comparison{T}"/>). The job's output is then sorted by it, as with
/// <see cref="ReducerAttribute.SortByKey"/>: partitions are key ranges sampled from the data, each sorted in parallel.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class KeyComparerAttribute : Attribute
{
}
