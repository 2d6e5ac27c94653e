namespace MapReduceGen;

/// <summary>
/// A map worker of a fold job: one table per partition, each key holding a single accumulator that the job's
/// reducer updates in place as pairs are emitted (map-side combining).
/// </summary>
internal sealed class FoldWorker<TJob, TInput, TKey, TValue> : MapWorker<TJob, TInput, TKey, TValue>
    where TJob : struct, IFoldJob<TInput, TKey, TValue>
{
    private readonly KeyTable<TKey, TValue, TJob>?[] _tables;

    public FoldWorker(RunState state, int partitionCount)
        : base(state, partitionCount)
    {
        _tables = new KeyTable<TKey, TValue, TJob>?[partitionCount];
    }

    /// <summary>This worker's table of each partition (<see langword="null"/> where it emitted nothing).</summary>
    public KeyTable<TKey, TValue, TJob>?[] Tables => _tables;

    public override void Emit(TKey key, TValue value)
    {
        if (key is null)
        {
            ThrowNullKey();
        }

        int hash = TJob.GetKeyHash(key!);
        ref TValue slot = ref TableFor(hash).GetSlot(key!, hash, out bool added);
        if (added)
        {
            slot = value;
        }
        else
        {
            try
            {
                slot = TJob.Combine(slot, value);
            }
            catch (Exception ex)
            {
                throw new CombineFailure(key, ex);
            }
        }

        PairCount++;
    }

    public override void Emit(ReadOnlySpan<char> key, TValue value)
    {
        if (typeof(TKey) != typeof(string))
        {
            base.Emit(key, value);
            return;
        }

        int hash = StableHash.Of(key);
        ref TValue slot = ref TableFor(hash).GetSlot(key, hash, out bool added);
        if (added)
        {
            slot = value;
        }
        else
        {
            try
            {
                slot = TJob.Combine(slot, value);
            }
            catch (Exception ex)
            {
                throw new CombineFailure(key.ToString(), ex);
            }
        }

        PairCount++;
    }

    public override void EmitUtf8(ReadOnlySpan<byte> utf8Key, TValue value)
    {
        if (typeof(TKey) != typeof(string))
        {
            base.EmitUtf8(utf8Key, value);
            return;
        }

        Emit(DecodeKey(utf8Key), value);
    }

    private KeyTable<TKey, TValue, TJob> TableFor(int hash)
    {
        int partition = PartitionCount == 1 ? 0 : Partitioning.Select(hash, PartitionCount);
        return _tables[partition] ??= new KeyTable<TKey, TValue, TJob>();
    }
}
