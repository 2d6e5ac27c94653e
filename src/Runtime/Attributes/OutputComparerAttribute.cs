namespace MapReduceGen;

/// <summary>
/// Marks the static method of a job that orders its output, <c>static int C(TResult left, TResult right)</c> (or over
/// the record type of a reducer that writes records): the engine sorts each partition's output by it in parallel and
/// merges the partitions, so the result (or the records) comes out in this order. Ties keep key order when the job also
/// sorts by key, and are broken by key for results.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class OutputComparerAttribute : Attribute
{
}
