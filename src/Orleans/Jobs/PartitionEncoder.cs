using System.Runtime.InteropServices;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// The chunk formats that cross the wire, encoded with Orleans' serializer (so every type Orleans can serialize
/// works as a key, value or result): combined pairs <c>(TKey[] keys, TValue[] values)</c>; grouped values
/// <c>(TKey[] keys, int[] counts, TValue[] values)</c>, the values of key <c>i</c> following those of key <c>i - 1</c>.
/// Keys go to partition <see cref="Partitioning.Select"/> of the job's stable hash, as in the local runner.
/// </summary>
internal static class PartitionEncoder
{
    public static byte[]?[] Encode<TJob, TKey, TValue>(
        Dictionary<TKey, TValue> values, int partitionCount, Serializer serializer)
        where TJob : struct, IKeyEquality<TKey>
        where TKey : notnull
    {
        var keys = new List<TKey>?[partitionCount];
        var items = new List<TValue>?[partitionCount];
        foreach (var (key, value) in values)
        {
            int partition = Partitioning.Select(TJob.GetKeyHash(key), partitionCount);
            (keys[partition] ??= []).Add(key);
            (items[partition] ??= []).Add(value);
        }

        var chunks = new byte[]?[partitionCount];
        for (int p = 0; p < partitionCount; p++)
        {
            if (keys[p] is { } k)
            {
                chunks[p] = EncodePairs(serializer, k.ToArray(), items[p]!.ToArray());
            }
        }

        return chunks;
    }

    public static byte[]?[] EncodeGroups<TJob, TKey, TValue>(
        Dictionary<TKey, List<TValue>> values, int partitionCount, Serializer serializer)
        where TJob : struct, IKeyEquality<TKey>
        where TKey : notnull
    {
        var keys = new List<TKey>?[partitionCount];
        var counts = new List<int>?[partitionCount];
        var items = new List<TValue>?[partitionCount];
        foreach (var (key, list) in values)
        {
            int partition = Partitioning.Select(TJob.GetKeyHash(key), partitionCount);
            (keys[partition] ??= []).Add(key);
            (counts[partition] ??= []).Add(list.Count);
            (items[partition] ??= []).AddRange(list);
        }

        var chunks = new byte[]?[partitionCount];
        for (int p = 0; p < partitionCount; p++)
        {
            if (keys[p] is { } k)
            {
                chunks[p] = serializer.SerializeToArray((k.ToArray(), counts[p]!.ToArray(), items[p]!.ToArray()));
            }
        }

        return chunks;
    }

    public static byte[] EncodePairs<TKey, TValue>(Serializer serializer, TKey[] keys, TValue[] values) =>
        serializer.SerializeToArray((keys, values));

    public static (TKey[] Keys, TValue[] Values) DecodePairs<TKey, TValue>(Serializer serializer, byte[] chunk)
    {
        var (keys, values) = serializer.Deserialize<(TKey[], TValue[])>(chunk);
        return keys.Length == values.Length
            ? (keys, values)
            : throw new InvalidDataException("A MapReduce chunk holds different numbers of keys and values.");
    }

    public static (TKey[] Keys, int[] Counts, TValue[] Values) DecodeGroups<TKey, TValue>(Serializer serializer, byte[] chunk)
    {
        var (keys, counts, values) = serializer.Deserialize<(TKey[], int[], TValue[])>(chunk);
        return keys.Length == counts.Length
            ? (keys, counts, values)
            : throw new InvalidDataException("A MapReduce chunk holds different numbers of keys and value counts.");
    }

    /// <summary>The list's items as a span (for the reducer).</summary>
    public static ReadOnlySpan<T> AsSpan<T>(List<T> list) => CollectionsMarshal.AsSpan(list);
}
