namespace MapReduceGen;

/// <summary>
/// Marks the static method of a job that chooses each key's partition, <c>static int P(TKey key, int partitionCount)</c>,
/// returning a partition in <c>[0, partitionCount)</c>, instead of the key's stable hash. Every value of a key goes to
/// the same partition wherever it was emitted (on every worker and every silo), so the method must depend on the key
/// alone (and on a cluster, be the same in every process: not <c>string.GetHashCode</c>). With a key order too
/// (<see cref="ReducerAttribute.SortByKey"/> or a <c>[KeyComparer]</c>), each partition is sorted by key: no total order,
/// no key ranges (Hadoop's secondary sort).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class PartitionerAttribute : Attribute
{
}
