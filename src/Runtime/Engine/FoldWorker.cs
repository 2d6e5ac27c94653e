using System.Runtime.CompilerServices;

namespace MapReduceGen;

/// <summary>
/// A map worker of a fold job: one table per partition, each key holding a single accumulator that the job's
/// reducer updates in place as pairs are emitted (map-side combining). String keys go to a
/// <see cref="StringKeyTable{TValue}"/> (one cache miss per lookup, short keys compared inline), turned into a
/// <see cref="KeyTable{TKey, TSlot, TKeys}"/> per partition when the reduce phase asks for it.
/// </summary>
internal sealed class FoldWorker<TJob, TInput, TKey, TValue> : MapWorker<TJob, TInput, TKey, TValue>
    where TJob : struct, IFoldJob<TInput, TKey, TValue>
{
    private readonly KeyTable<TKey, TValue, TJob>?[] _tables;
    private readonly StringKeyTable<TValue>?[]? _stringTables;

    public FoldWorker(RunState state, int partitionCount)
        : base(state, partitionCount)
    {
        _tables = new KeyTable<TKey, TValue, TJob>?[partitionCount];
        if (typeof(TKey) == typeof(string))
        {
            _stringTables = new StringKeyTable<TValue>?[partitionCount];
        }
    }

    /// <summary>
    /// This worker's table of a partition (<see langword="null"/> where it emitted nothing). Call once the map phase
    /// is over, at most once per partition at a time (each partition is reduced by one thread).
    /// </summary>
    public KeyTable<TKey, TValue, TJob>? TableOf(int partition)
    {
        if (_stringTables?[partition] is { } strings)
        {
            _tables[partition] = strings.ToKeyTable<TKey, TJob>();
            _stringTables[partition] = null;
            strings.Release();
        }

        return _tables[partition];
    }

    /// <summary>How many keys this worker holds in a partition (without turning a string table into a key table).</summary>
    public int CountOf(int partition) => _stringTables?[partition]?.Count ?? _tables[partition]?.Count ?? 0;

    /// <summary>This worker's string-key table of a partition while it has not been turned into a key table.</summary>
    public StringKeyTable<TValue>? StringTableOf(int partition) => _stringTables?[partition];

    /// <summary>Drops this worker's string-key table of a partition once merged, giving its memory back to the pool.</summary>
    public void ReleaseStringTable(int partition)
    {
        if (_stringTables?[partition] is { } strings)
        {
            _stringTables[partition] = null;
            strings.Release();
        }
    }

    public override void Emit(TKey key, TValue value)
    {
        if (key is null)
        {
            ThrowNullKey();
        }

        if (typeof(TKey) == typeof(string))
        {
            string text = Unsafe.As<string>(key)!;
            ref TValue stringSlot = ref StringSlot(text.AsSpan(), text, out bool stringAdded);
            if (stringAdded)
            {
                stringSlot = value;
            }
            else
            {
                try
                {
                    stringSlot = TJob.Combine(stringSlot, value);
                }
                catch (Exception ex)
                {
                    throw new CombineFailure(key, ex);
                }
            }

            PairCount++;
            return;
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

    // The map loop's hot methods are compiled optimised at once: waiting for tier-up would run the first hundreds of
    // milliseconds of a JIT process in unoptimised code (Native AOT ignores the flag).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Emit(ReadOnlySpan<char> key, TValue value)
    {
        if (typeof(TKey) != typeof(string))
        {
            base.Emit(key, value);
            return;
        }

        ref TValue slot = ref StringSlot(key, null, out bool added);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void EmitUtf8(ReadOnlySpan<byte> utf8Key, TValue value)
    {
        if (typeof(TKey) != typeof(string))
        {
            base.EmitUtf8(utf8Key, value);
            return;
        }

        Emit(DecodeKey(utf8Key), value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref TValue StringSlot(ReadOnlySpan<char> key, string? keyString, out bool added)
    {
        int hash = StableHash.Of(key);
        int partition = PartitionCount == 1 ? 0 : Partitioning.Select(hash, PartitionCount);
        StringKeyTable<TValue> table = _stringTables![partition] ?? NewStringTable(partition);
        return ref table.GetSlot(key, keyString, hash, out added);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private StringKeyTable<TValue> NewStringTable(int partition) => _stringTables![partition] = new StringKeyTable<TValue>();

    private KeyTable<TKey, TValue, TJob> TableFor(int hash)
    {
        int partition = PartitionCount == 1 ? 0 : Partitioning.Select(hash, PartitionCount);
        return _tables[partition] ??= new KeyTable<TKey, TValue, TJob>();
    }
}
