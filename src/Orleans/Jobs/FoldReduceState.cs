using System.Runtime.InteropServices;
using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>A fold job's partition: the map tasks' accumulators combined into one per key.</summary>
internal sealed class FoldReduceState<TJob, TInput, TKey, TValue>(Serializer serializer) : IReduceState
    where TJob : struct, IFoldJob<TInput, TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _values = new(JobKeyComparer<TJob, TKey>.Instance);

    public TaskFailure? Add(byte[] chunk)
    {
        var (keys, values) = PartitionEncoder.DecodePairs<TKey, TValue>(serializer, chunk);
        for (int i = 0; i < keys.Length; i++)
        {
            ref TValue? slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_values, keys[i], out bool exists);
            if (!exists)
            {
                slot = values[i];
                continue;
            }

            try
            {
                slot = TJob.Combine(slot!, values[i]);
            }
            catch (Exception e)
            {
                return new TaskFailure { Exception = e, Key = serializer.SerializeToArray(keys[i]) };
            }
        }

        return null;
    }

    public ReduceTaskReport Complete(CancellationToken cancellationToken)
    {
        var keys = new TKey[_values.Count];
        var values = new TValue[_values.Count];
        int i = 0;
        foreach (var (key, value) in _values)
        {
            keys[i] = key;
            values[i++] = value;
        }

        return new ReduceTaskReport
        {
            State = TaskState.Completed,
            Result = PartitionEncoder.EncodePairs(serializer, keys, values),
            KeyCount = keys.Length,
        };
    }
}
