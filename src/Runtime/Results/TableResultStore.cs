using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Results;

/// <summary>
/// A result kept in the run's own per-partition tables: nothing is copied at the end of a run. Lookups hash the key
/// with its stable hash, pick the partition and probe that table. String keys stay UTF-8 until asked for (each
/// <see cref="KeyAt"/> makes a string), and compare without being made. A partition whose output is ordered (sorted by key,
/// or by the job's output order) is read through its order; lookups are not affected.
/// </summary>
internal sealed class TableResultStore<TKey, TStored, TOps, TSlot, TResult> : ResultStore<TKey, TResult>
    where TOps : struct, IKeyOps<TStored>
{
    private readonly PartitionResult<TStored, TSlot, TOps, TResult>[] _partitions;
    private readonly KeyComparison<TKey> _keyOrder;
    private readonly long _count;

    public TableResultStore(PartitionResult<TStored, TSlot, TOps, TResult>[] partitions, KeyComparison<TKey> keyOrder)
    {
        _partitions = partitions;
        _keyOrder = keyOrder;
        foreach (PartitionResult<TStored, TSlot, TOps, TResult> partition in partitions)
        {
            _count += partition.Count;
        }
    }

    public override int PartitionCount => _partitions.Length;

    public override long Count => _count;

    public override int PartitionLength(int partition) => _partitions[partition].Count;

    public override TKey KeyAt(int partition, int index) =>
        StoredKeys.ToKey<TKey, TStored>(_partitions[partition].Keys.EntryAt(EntryOf(partition, index)).Key);

    public override TResult ResultAt(int partition, int index) => _partitions[partition].ResultAt(EntryOf(partition, index));

    /// <summary>The table entry at position <paramref name="index"/> of a partition's output.</summary>
    public int EntryOf(int partition, int index) => _partitions[partition].Order is { } order ? order[index] : index;

    /// <summary>The UTF-8 bytes of a string key (only when keys are stored as UTF-8), by entry index.</summary>
    public ReadOnlySpan<byte> Utf8KeyAtEntry(int partition, int entry) =>
        Unsafe.As<TStored, Utf8Key>(ref _partitions[partition].Keys.EntryAt(entry).Key).Span;

    public override ReadOnlyMemory<byte> Utf8KeyAt(int partition, int index)
    {
        if (typeof(TStored) != typeof(Utf8Key))
        {
            return base.Utf8KeyAt(partition, index);
        }

        ref Utf8Key key = ref Unsafe.As<TStored, Utf8Key>(ref _partitions[partition].Keys.EntryAt(EntryOf(partition, index)).Key);
        return new ReadOnlyMemory<byte>(key.Bytes, key.Offset, key.Length);
    }

    public override int CompareKeys(int partition, int index, int otherPartition, int otherIndex) =>
        CompareEntries(partition, EntryOf(partition, index), otherPartition, EntryOf(otherPartition, otherIndex));

    /// <summary>Compares the keys of two table entries in the job's key order.</summary>
    public int CompareEntries(int partition, int entry, int otherPartition, int otherEntry)
    {
        if (typeof(TStored) == typeof(Utf8Key) && _keyOrder.ComparesUtf8)
        {
            return Utf8Text.CompareOrdinal(Utf8KeyAtEntry(partition, entry), Utf8KeyAtEntry(otherPartition, otherEntry));
        }

        return _keyOrder.Compare(
            StoredKeys.ToKey<TKey, TStored>(_partitions[partition].Keys.EntryAt(entry).Key),
            StoredKeys.ToKey<TKey, TStored>(_partitions[otherPartition].Keys.EntryAt(otherEntry).Key));
    }

    public override bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TResult value)
    {
        if (key is not null && Find(key, out int partition, out int entry))
        {
            value = _partitions[partition].ResultAt(entry);
            return true;
        }

        value = default!;
        return false;
    }

    private bool Find(TKey key, out int partition, out int index)
    {
        if (typeof(TStored) == typeof(Utf8Key))
        {
            string text = Unsafe.As<string>(key)!;
            byte[] rented = ArrayPool<byte>.Shared.Rent(Utf8Text.MaxEncodedLength(text.Length));
            try
            {
                ReadOnlySpan<byte> utf8 = rented.AsSpan(0, Utf8Text.Encode(text, rented));
                int hash = StableHash.OfUtf8(utf8);
                partition = PartitionOf(key, hash);
                var table = Unsafe.As<Tables.KeyTable<Utf8Key, TSlot, Utf8KeyOps>>(_partitions[partition].Keys);
                return table.Contains(new Utf8Probe(utf8, null), hash, out index);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        TStored stored = Unsafe.As<TKey, TStored>(ref key);
        int stableHash = default(TOps).StableHash(stored);
        partition = PartitionOf(key, stableHash);
        return _partitions[partition].Keys.Contains(new ObjectProbe<TStored, TOps>(stored, default), stableHash, out index);
    }

    // Keys are found in their partition: by their stable hash, or by the job's partitioner or key ranges.
    private int PartitionOf(TKey key, int hash)
    {
        if (_partitions.Length == 1)
        {
            return 0;
        }

        if (PartitionOfKey is { } partitionOf)
        {
            try
            {
                int partition = partitionOf(key);
                return (uint)partition < (uint)_partitions.Length ? partition : 0;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The job's partitioner rejects a key no input produced: the key is not in the result.
                return 0;
            }
        }

        return Partitioning.Select(hash, _partitions.Length);
    }

    /// <summary>
    /// The partition of a key when keys were not partitioned by their stable hash (the job's partitioner, key ranges);
    /// <see langword="null"/> for the stable hash.
    /// </summary>
    public Func<TKey, int>? PartitionOfKey { get; init; }
}
