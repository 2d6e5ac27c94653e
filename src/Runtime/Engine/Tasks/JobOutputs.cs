using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>Reads one partition's encoded output (<see cref="ReduceTaskResult.Output"/>) for a backend that streams partitions.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JobOutputs
{
    /// <summary>The keys and results of one partition, in the partition's output order.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="job">The job.</param>
    /// <param name="partition">The partition's encoded output.</param>
    /// <param name="codec">The backend's serializer.</param>
    /// <returns>The entries.</returns>
    public static IReadOnlyList<KeyValuePair<TKey, TResult>> DecodeEntries<TKey, TValue, TResult>(
        JobDefinition<TKey, TValue, MapReduceResult<TKey, TResult>> job, ReadOnlyMemory<byte> partition, IPayloadCodec codec)
    {
        ArgumentNullException.ThrowIfNull(job);
        (TKey[] keys, object items) = job.DecodeOutput(partition, codec);
        var results = (TResult[])items;
        var entries = new KeyValuePair<TKey, TResult>[keys.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i] = new(keys[i], results[i]);
        }

        return entries;
    }

    /// <summary>The records of one partition, in the order they were written.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="job">The job.</param>
    /// <param name="partition">The partition's encoded output.</param>
    /// <param name="codec">The backend's serializer.</param>
    /// <returns>The records.</returns>
    public static IReadOnlyList<TRecord> DecodeRecords<TKey, TValue, TRecord>(
        JobDefinition<TKey, TValue, MapReduceRecords<TRecord>> job, ReadOnlyMemory<byte> partition, IPayloadCodec codec)
    {
        ArgumentNullException.ThrowIfNull(job);
        return (TRecord[])job.DecodeOutput(partition, codec).Items;
    }
}
