using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Map;

/// <summary>The job's <c>[Partitioner]</c>: called with the key (made from its stored form) and the partition count.</summary>
internal sealed class CustomPartitionSelector<TKey, TStored>(Func<TKey, int, int> partitioner) : PartitionSelector<TStored>
{
    public override bool RunsUserCode => true;

    public override string Method => UserOrder.Partitioner;

    public override int Select(in TStored key, int stableHash, int partitionCount)
    {
        TKey value = StoredKeys.ToKey<TKey, TStored>(key);
        int partition;
        try
        {
            partition = partitioner(value, partitionCount);
        }
        catch (Exception ex)
        {
            throw new KeyFailure(value, ex, "the partitioner threw");
        }

        if ((uint)partition >= (uint)partitionCount)
        {
            throw new KeyFailure(value, new InvalidOperationException(
                $"The partitioner chose partition {partition} of {partitionCount}; it must return a partition in [0, {partitionCount})."), "the partitioner threw");
        }

        return partition;
    }
}
