using System.Buffers;
using System.Runtime.CompilerServices;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Results;

/// <summary>
/// A result kept in the run's own per-partition tables: nothing is copied at the end of a run. Lookups hash the key
/// with its stable hash, pick the partition and probe that table. String keys stay UTF-8 until asked for (each
/// <see cref="KeyAt"/> makes a string), and compare without being made.
/// </summary>
internal sealed class TableResultStore<TKey, TStored, TOps, TSlot, TResult> : ResultStore<TKey, TResult>
    where TOps : struct, IKeyOps<TStored>
{
    private readonly PartitionResult<TStored, TSlot, TOps, TResult>[] _partitions;
    private readonly long _count;

    public TableResultStore(PartitionResult<TStored, TSlot, TOps, TResult>[] partitions)
    {
        _partitions = partitions;
        foreach (PartitionResult<TStored, TSlot, TOps, TResult> partition in partitions)
        {
            _count += partition.Count;
        }
    }

    public override int PartitionCount => _partitions.Length;

    public override long Count => _count;

    public override int PartitionLength(int partition) => _partitions[partition].Count;

    public override TKey KeyAt(int partition, int index) =>
        StoredKeys.ToKey<TKey, TStored>(_partitions[partition].Keys.EntryAt(index).Key);

    public override TResult ResultAt(int partition, int index)
    {
        PartitionResult<TStored, TSlot, TOps, TResult> part = _partitions[partition];
        return part.Results is { } results
            ? results[index]
            : Unsafe.As<TSlot, TResult>(ref part.Keys.EntryAt(index).Slot);
    }

    public override ReadOnlyMemory<byte> Utf8KeyAt(int partition, int index)
    {
        if (typeof(TStored) != typeof(Utf8Key))
        {
            return base.Utf8KeyAt(partition, index);
        }

        ref Utf8Key key = ref Unsafe.As<TStored, Utf8Key>(ref _partitions[partition].Keys.EntryAt(index).Key);
        return new ReadOnlyMemory<byte>(key.Bytes, key.Offset, key.Length);
    }

    public override int CompareKeys(int partition, int index, int otherPartition, int otherIndex)
    {
        if (typeof(TStored) == typeof(Utf8Key))
        {
            return Utf8Text.CompareOrdinal(Utf8KeyAt(partition, index).Span, Utf8KeyAt(otherPartition, otherIndex).Span);
        }

        return base.CompareKeys(partition, index, otherPartition, otherIndex);
    }

    public override bool TryGetValue(TKey key, out TResult value)
    {
        if (key is not null && Find(key, out int partition, out int index))
        {
            value = ResultAt(partition, index);
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
                partition = PartitionOf(hash);
                var table = Unsafe.As<Tables.KeyTable<Utf8Key, TSlot, Utf8KeyOps>>(_partitions[partition].Keys);
                return table.TryFind(new Utf8Probe(utf8, null), hash, out index);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        TStored stored = Unsafe.As<TKey, TStored>(ref key);
        int stableHash = default(TOps).StableHash(stored);
        partition = PartitionOf(stableHash);
        return _partitions[partition].Keys.TryFind(new ObjectProbe<TStored, TOps>(stored, default), stableHash, out index);
    }

    private int PartitionOf(int hash) => _partitions.Length == 1 ? 0 : Partitioning.Select(hash, _partitions.Length);
}
