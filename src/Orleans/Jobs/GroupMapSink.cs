using System.Runtime.InteropServices;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>Map-side grouping for a grouping job: every value of a key, in one list per key.</summary>
internal sealed class GroupMapSink<TJob, TInput, TKey, TValue, TResult> : MapSink<TKey, TValue>
    where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult>
    where TKey : notnull
{
    private readonly Dictionary<TKey, List<TValue>> _values = new(JobKeyComparer<TJob, TKey>.Instance);

    public override void Emit(TKey key, TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        PairsEmitted++;
        ref List<TValue>? list = ref CollectionsMarshal.GetValueRefOrAddDefault(_values, key, out _);
        (list ??= []).Add(value);
    }

    public override byte[]?[] Encode(int partitionCount, Serializer serializer) =>
        PartitionEncoder.EncodeGroups<TJob, TKey, TValue>(_values, partitionCount, serializer);
}
