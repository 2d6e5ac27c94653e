using System.Runtime.InteropServices;
using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>A grouping job's partition: every value of each key, then the job's reducer once per key.</summary>
internal sealed class GroupReduceState<TJob, TInput, TKey, TValue, TResult>(Serializer serializer) : IReduceState
    where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult>
    where TKey : notnull
{
    private readonly Dictionary<TKey, List<TValue>> _values = new(JobKeyComparer<TJob, TKey>.Instance);

    public TaskFailure? Add(byte[] chunk)
    {
        var (keys, counts, values) = PartitionEncoder.DecodeGroups<TKey, TValue>(serializer, chunk);
        int next = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            ref List<TValue>? list = ref CollectionsMarshal.GetValueRefOrAddDefault(_values, keys[i], out _);
            list ??= [];
            list.AddRange(values.AsSpan(next, counts[i]));
            next += counts[i];
        }

        return null;
    }

    public ReduceTaskReport Complete(CancellationToken cancellationToken)
    {
        var keys = new TKey[_values.Count];
        var results = new TResult[_values.Count];
        int i = 0;
        foreach (var (key, list) in _values)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            try
            {
                results[i] = TJob.Reduce(key, PartitionEncoder.AsSpan(list));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new ReduceTaskReport
                {
                    State = TaskState.Failed,
                    Failure = new TaskFailure { Exception = e, Key = serializer.SerializeToArray(key) },
                };
            }

            keys[i++] = key;
        }

        return new ReduceTaskReport
        {
            State = TaskState.Completed,
            Result = PartitionEncoder.EncodePairs(serializer, keys, results),
            KeyCount = keys.Length,
        };
    }
}
