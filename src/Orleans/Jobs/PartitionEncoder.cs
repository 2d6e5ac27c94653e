using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// A reduce task's result on the wire, encoded with Orleans' serializer (so every type Orleans can serialize works as
/// a key or result): <c>(TKey[] keys, TResult[] results)</c>.
/// </summary>
internal static class PartitionEncoder
{
    public static byte[] EncodePairs<TKey, TValue>(Serializer serializer, TKey[] keys, TValue[] values) =>
        serializer.SerializeToArray((keys, values));

    public static (TKey[] Keys, TValue[] Values) DecodePairs<TKey, TValue>(Serializer serializer, byte[] chunk)
    {
        var (keys, values) = serializer.Deserialize<(TKey[], TValue[])>(chunk);
        return keys.Length == values.Length
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
