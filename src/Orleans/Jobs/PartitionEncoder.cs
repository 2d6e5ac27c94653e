using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// A reduce task's result on the wire, encoded with Orleans' serializer (so every type Orleans can serialize works as
/// a key or result): <c>(TKey[] keys, TResult[] results)</c>, or for a reducer that writes records, no keys and the records.
/// </summary>
internal static class PartitionEncoder
{
    public static byte[] EncodePairs<TKey, TValue>(Serializer serializer, TKey[] keys, TValue[] values) =>
        serializer.SerializeToArray((keys, values));

    /// <summary>Decodes a partition's keys and results (or, with <paramref name="records"/>, its records and no keys).</summary>
    public static (TKey[] Keys, TValue[] Values) DecodePairs<TKey, TValue>(Serializer serializer, byte[] chunk, bool records = false)
    {
        var (keys, values) = serializer.Deserialize<(TKey[], TValue[])>(chunk);
        return keys.Length == values.Length || (records && keys.Length == 0)
            ? (keys, values)
            : throw new InvalidDataException("A MapReduce chunk holds different numbers of keys and values.");
    }

    /// <summary>A partition's results as entries; an empty array for no bytes.</summary>
    public static KeyValuePair<TKey, TValue>[] DecodeEntries<TKey, TValue>(Serializer serializer, byte[] encoded)
    {
        if (encoded.Length == 0)
        {
            return [];
        }

        var (keys, values) = DecodePairs<TKey, TValue>(serializer, encoded);
        var entries = new KeyValuePair<TKey, TValue>[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            entries[i] = new KeyValuePair<TKey, TValue>(keys[i], values[i]);
        }

        return entries;
    }
}
