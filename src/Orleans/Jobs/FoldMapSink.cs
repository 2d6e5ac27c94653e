using System.Runtime.InteropServices;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>Map-side combining for a fold job: one accumulator per key, combined with the job's reducer.</summary>
internal sealed class FoldMapSink<TJob, TInput, TKey, TValue> : MapSink<TKey, TValue>
    where TJob : struct, IFoldJob<TInput, TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _values = new(JobKeyComparer<TJob, TKey>.Instance);

    public override void Emit(TKey key, TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        PairsEmitted++;
        ref TValue? slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_values, key, out bool exists);
        if (exists)
        {
            slot = Combine(key, slot!, value);
        }
        else
        {
            slot = value;
        }
    }

    public override void Emit(ReadOnlySpan<char> key, TValue value)
    {
        if (typeof(TKey) != typeof(string))
        {
            base.Emit(key, value);
            return;
        }

        PairsEmitted++;
        var lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(key, out TKey? actualKey, out TValue? current))
        {
            _values[actualKey] = Combine(actualKey, current, value);
        }
        else
        {
            lookup[key] = value;
        }
    }

    public override byte[]?[] Encode(int partitionCount, Serializer serializer) =>
        PartitionEncoder.Encode<TJob, TKey, TValue>(_values, partitionCount, serializer);

    private TValue Combine(TKey key, TValue left, TValue right)
    {
        try
        {
            return TJob.Combine(left, right);
        }
        catch
        {
            CombineFailed = true;
            FailedKey = key;
            throw;
        }
    }
}
