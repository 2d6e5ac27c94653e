namespace MapReduceGen.Engine.Map;

/// <summary>
/// Chooses the partition of a key when a map task ends, instead of its stable hash: the job's partitioner
/// (<see cref="CustomPartitionSelector{TKey, TStored}"/>) or the key ranges of a total order
/// (<see cref="RangePartitionSelector{TKey, TStored}"/>). Called once per distinct key of a task, never per pair.
/// </summary>
/// <typeparam name="TStored">The stored key type.</typeparam>
internal abstract class PartitionSelector<TStored>
{
    /// <summary>The key's partition, in <c>[0, partitionCount)</c>.</summary>
    /// <exception cref="Reduce.KeyFailure">User code threw, or chose a partition out of range.</exception>
    public abstract int Select(in TStored key, int stableHash, int partitionCount);

    /// <summary>Whether <see cref="Select"/> calls the job's code (its partitioner or key comparer), whose answers are checked.</summary>
    public abstract bool RunsUserCode { get; }

    /// <summary>The job's method behind <see cref="Select"/>, as failures name it (<see cref="Ordering.UserOrder"/>).</summary>
    public abstract string Method { get; }
}
