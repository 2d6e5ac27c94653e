namespace MapReduceGen;

/// <summary>A map worker of a grouping job: one table per partition, each key holding the chain of its values.</summary>
internal sealed class GroupWorker<TJob, TInput, TKey, TValue, TResult> : MapWorker<TJob, TInput, TKey, TValue>
    where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult>
{
    private readonly GroupTable<TKey, TValue, TJob>?[] _tables;

    public GroupWorker(RunState state, int partitionCount)
        : base(state, partitionCount)
    {
        _tables = new GroupTable<TKey, TValue, TJob>?[partitionCount];
    }

    /// <summary>This worker's table of each partition (<see langword="null"/> where it emitted nothing).</summary>
    public GroupTable<TKey, TValue, TJob>?[] Tables => _tables;

    public override void Emit(TKey key, TValue value)
    {
        if (key is null)
        {
            ThrowNullKey();
        }

        int hash = TJob.GetKeyHash(key!);
        TableFor(hash).Add(key!, hash, value);
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
        TableFor(hash).Add(key, hash, value);
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

    private GroupTable<TKey, TValue, TJob> TableFor(int hash)
    {
        int partition = PartitionCount == 1 ? 0 : Partitioning.Select(hash, PartitionCount);
        return _tables[partition] ??= new GroupTable<TKey, TValue, TJob>();
    }
}
