namespace MapReduceGen;

/// <summary>
/// Marks the static method of a <c>partial</c> job class that reduces the values of one key.
/// </summary>
/// <remarks>
/// Accepted shapes:
/// <c>static TValue R(TValue left, TValue right)</c> (a fold: associative and commutative, combined as pairs are emitted),
/// <c>static TResult R(TKey key, ReadOnlySpan&lt;TValue&gt; values)</c> and
/// <c>static TResult R(TKey key, IReadOnlyList&lt;TValue&gt; values)</c> (grouping: sees every value of a key),
/// <c>static TResult R(TKey key, TValue combined)</c> (finishing: sees the value the job's <see cref="CombinerAttribute"/>
/// combined), and <c>static void R(TKey key, ReadOnlySpan&lt;TValue&gt; values, RecordOutput&lt;TRecord&gt; output)</c>
/// (or with <c>TValue combined</c>): writes zero or more records per key. Grouping, finishing and record reducers may also
/// take the job's parameters and a <see cref="Counters"/> after those.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ReducerAttribute : Attribute
{
    /// <summary>
    /// Sorts the job's output by key (the key type's own order: ordinal for strings, <see cref="IComparable{T}"/>, or
    /// member by member for tuples and records; a <see cref="KeyComparerAttribute"/> method replaces it). Partitions are
    /// then key ranges chosen from a sample of the keys (a total order: every key of partition <c>i</c> precedes every key
    /// of partition <c>i + 1</c>), each reduced and sorted in parallel; a job with a <see cref="PartitionerAttribute"/>
    /// method keeps the partitioner's partitions, each sorted. Default: <see langword="false"/>.
    /// </summary>
    public bool SortByKey { get; set; }
}
