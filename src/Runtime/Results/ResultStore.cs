using System.Diagnostics.CodeAnalysis;
using MapReduceGen.Engine.Keys;

namespace MapReduceGen.Engine.Results;

/// <summary>
/// Where a result's entries live: partitions of entries, each entry a key and its result, addressed by (partition,
/// index), plus lookup by key. Keys may be stored in another form (string keys as UTF-8) and are made on demand.
/// </summary>
internal abstract class ResultStore<TKey, TResult>
{
    public abstract int PartitionCount { get; }

    public abstract long Count { get; }

    public abstract int PartitionLength(int partition);

    public abstract TKey KeyAt(int partition, int index);

    public abstract TResult ResultAt(int partition, int index);

    public abstract bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TResult value);

    /// <summary>
    /// The UTF-8 bytes of a string key (only when the key type is string): where the store keeps them, or a fresh
    /// encoding of the key.
    /// </summary>
    public virtual ReadOnlyMemory<byte> Utf8KeyAt(int partition, int index)
    {
        string key = (string)(object)KeyAt(partition, index)!;
        var bytes = new byte[Utf8Text.MaxEncodedLength(key.Length)];
        return bytes.AsMemory(0, Utf8Text.Encode(key, bytes));
    }

    /// <summary>
    /// Compares the keys of two entries in key order (ordinal for strings), without making the keys when the store can.
    /// </summary>
    public virtual int CompareKeys(int partition, int index, int otherPartition, int otherIndex) =>
        ResultOrder<TKey, TResult>.CompareKeys(KeyAt(partition, index), KeyAt(otherPartition, otherIndex));
}
