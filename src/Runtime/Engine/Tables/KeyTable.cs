using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MapReduceGen.Engine.Keys;

namespace MapReduceGen.Engine.Tables;

/// <summary>
/// The engine's one hash table: every map worker, every partition merge and every result uses it. Open addressing
/// with linear probing over a power-of-two bucket array (at most half full) that holds indexes into a dense array of
/// entries; an entry is the stored key, its hash and its slot. Hashing and equality come from
/// <typeparamref name="TOps"/>, a struct, so the JIT and Native AOT specialise the table for each key type: no
/// boxing, no comparer interface calls.
/// </summary>
/// <remarks>
/// <para>
/// Hash flooding: the table starts with the keys' stable hash, which anyone can make collide. It counts the probes
/// beyond the first of every lookup; when they average more than <see cref="FloodedProbesPerLookup"/> per lookup (random
/// keys average under 1.5 at this load), it rehashes every key with <see cref="IKeyOps{TStored}.KeyedHash"/>, keyed per
/// process, and stays keyed. Entries then hold the keyed hash; <see cref="StableHashAt"/> still gives the stable one
/// for partitioning.
/// </para>
/// <para>The dense entries keep insertion order and let the map phase hand a worker's keys to the reduce phase by
/// partition without moving them between tables.</para>
/// </remarks>
/// <typeparam name="TStored">The stored key type.</typeparam>
/// <typeparam name="TSlot">What each key holds: an accumulator, a value count, a result.</typeparam>
/// <typeparam name="TOps">Hashing and equality of stored keys.</typeparam>
internal sealed class KeyTable<TStored, TSlot, TOps>
    where TOps : struct, IKeyOps<TStored>
{
    /// <summary>Extra probes per lookup, on average, above which the table is taken to be flooded.</summary>
    internal const int FloodedProbesPerLookup = 4;

    /// <summary>Extra probes before the first flood check: a few hundred colliding keys' worth.</summary>
    internal const int FirstFloodCheck = 1 << 16;

    private const int MinimumCapacity = 16;

    private readonly TOps _ops;

    // 0 marks an empty bucket; otherwise the entry index plus one.
    private int[] _buckets;
    private Entry<TStored, TSlot>[] _entries;
    private int _count;
    private int _mask;
    private bool _keyed;
    private long _lookups;
    private long _probes;
    private long _nextFloodCheck = FirstFloodCheck;

    public KeyTable(TOps ops = default, int capacity = MinimumCapacity)
    {
        _ops = ops;
        int entries = Math.Max(MinimumCapacity, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, capacity)));
        _entries = new Entry<TStored, TSlot>[entries];
        _buckets = new int[entries * 2];
        _mask = _buckets.Length - 1;
    }

    /// <summary>
    /// A table over entries that already exist (distinct keys, stable hashes, as <see cref="TakeEntries"/> leaves them):
    /// the array becomes the table's own, only the buckets are built. Null when the array's length is not a power of
    /// two of at least the minimum capacity (the table's growth needs one).
    /// </summary>
    public static KeyTable<TStored, TSlot, TOps>? Adopt(TOps ops, Entry<TStored, TSlot>[] entries, int count)
    {
        if (entries.Length < MinimumCapacity || !BitOperations.IsPow2(entries.Length) || count > entries.Length)
        {
            return null;
        }

        var table = new KeyTable<TStored, TSlot, TOps>(ops, entries, count);
        table.Rebuild();
        return table;
    }

    private KeyTable(TOps ops, Entry<TStored, TSlot>[] entries, int count)
    {
        _ops = ops;
        _entries = entries;
        _count = count;
        _buckets = new int[checked(entries.Length * 2)];
        _mask = _buckets.Length - 1;
    }

    public int Count => _count;

    /// <summary>
    /// The bytes the table's arrays take now, plus those a growth would add when the table is three quarters full (so a
    /// memory budget is checked before the growth, not after it).
    /// </summary>
    public long Footprint
    {
        get
        {
            long arrays = ((long)_entries.Length * Unsafe.SizeOf<Entry<TStored, TSlot>>()) + ((long)_buckets.Length * sizeof(int));
            return (long)_count * 4 >= (long)_entries.Length * 3 ? arrays * 2 : arrays;
        }
    }

    /// <summary>Whether the table switched to the per-process keyed hash because its probes grew too long.</summary>
    public bool IsKeyed => _keyed;

    public TOps Ops => _ops;

    /// <summary>Lookups so far (flood detection's denominator).</summary>
    internal long Lookups => _lookups;

    /// <summary>Probes beyond the first, so far (flood detection's numerator).</summary>
    internal long ExtraProbes => _probes;

    /// <summary>The entries in insertion order; valid until the next insertion.</summary>
    public Span<Entry<TStored, TSlot>> Entries => _entries.AsSpan(0, _count);

    /// <summary>The entry array itself (its first <see cref="Count"/> entries are used).</summary>
    public Entry<TStored, TSlot>[] EntryArray => _entries;

    /// <summary>Finds the key, adding it with a default slot when absent.</summary>
    /// <param name="probe">The key as the caller has it.</param>
    /// <param name="stableHash">The key's stable hash (<see cref="IKeyOps{TStored}.StableHash"/> of its stored form).</param>
    /// <param name="added">Whether the key was absent and has been added.</param>
    /// <param name="index">The key's entry index.</param>
    /// <returns>The key's slot.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TSlot GetSlot<TProbe>(scoped TProbe probe, int stableHash, out bool added, out int index)
        where TProbe : IKeyProbe<TStored>, allows ref struct
    {
        _lookups++;
        int hash = _keyed ? probe.KeyedHash() : stableHash;
        int found = Probe(probe, hash, out int bucket);
        if (found >= 0)
        {
            added = false;
            index = found;
            return ref _entries[found].Slot;
        }

        if (bucket < 0)
        {
            return ref Restart(probe, stableHash, out added, out index);
        }

        added = true;
        index = _count;
        return ref Add(probe.Store(), hash, bucket);
    }

    /// <summary>
    /// Finds a string key of at most eight bytes, given as its zero-padded bytes and its length (only for a table of
    /// <see cref="Utf8Key"/>s that is not keyed): its entry index, or -1 when it is absent or the lookup must take the
    /// general path (a flood check is due). The map sinks' hot path: one compare of the stored key's first eight bytes
    /// and length, no key bytes read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int FindShortUtf8(ulong prefix, int length, int stableHash)
    {
        _lookups++;
        ref Entry<TStored, TSlot> entries = ref MemoryMarshal.GetArrayDataReference(_entries);
        ref int buckets = ref MemoryMarshal.GetArrayDataReference(_buckets);
        int mask = _mask;
        int bucket = stableHash & mask;
        while (true)
        {
            int found = Unsafe.Add(ref buckets, bucket) - 1;
            if (found < 0)
            {
                return -1;
            }

            ref Utf8Key key = ref Unsafe.As<TStored, Utf8Key>(ref Unsafe.Add(ref entries, found).Key);
            if (key.Prefix == prefix && key.Length == length)
            {
                return found;
            }

            bucket = (bucket + 1) & mask;
            if (++_probes > _nextFloodCheck)
            {
                _lookups--;
                return -1;
            }
        }
    }

    /// <summary>The slot of the entry at <paramref name="index"/> (no bounds check: the index comes from a lookup).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ref TSlot SlotAt(int index) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_entries), index).Slot;

    /// <summary>
    /// Finds a key's slot without adding it: a reference to the slot, or a null reference (see
    /// <see cref="Unsafe.IsNullRef{T}(ref readonly T)"/>) when the key is absent. Counts towards flood detection.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TSlot Find<TProbe>(scoped TProbe probe, int stableHash, out int index)
        where TProbe : IKeyProbe<TStored>, allows ref struct
    {
        if (TryFind(probe, stableHash, out index))
        {
            return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_entries), index).Slot;
        }

        return ref Unsafe.NullRef<TSlot>();
    }

    /// <summary>Looks a key up without adding it (a lookup that counts towards flood detection).</summary>
    /// <returns>Whether the key is in the table.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryFind<TProbe>(scoped TProbe probe, int stableHash, out int index)
        where TProbe : IKeyProbe<TStored>, allows ref struct
    {
        _lookups++;
        int hash = _keyed ? probe.KeyedHash() : stableHash;
        index = Probe(probe, hash, out int bucket);
        return index >= 0 || (bucket < 0 && RetryFind(probe, stableHash, out index));
    }

    /// <summary>
    /// Looks a key up without changing the table: no flood counting, no switch of hash, so any number of threads may
    /// look up at once (a run's result is read this way). The table was built with flood detection, so its probe chains
    /// are already short.
    /// </summary>
    /// <returns>Whether the key is in the table.</returns>
    public bool Contains<TProbe>(scoped TProbe probe, int stableHash, out int index)
        where TProbe : IKeyProbe<TStored>, allows ref struct
    {
        int hash = _keyed ? probe.KeyedHash() : stableHash;
        ref Entry<TStored, TSlot> entries = ref MemoryMarshal.GetArrayDataReference(_entries);
        int[] buckets = _buckets;
        int mask = _mask;
        int bucket = hash & mask;
        while (true)
        {
            int found = buckets[bucket] - 1;
            if (found < 0)
            {
                index = -1;
                return false;
            }

            ref Entry<TStored, TSlot> entry = ref Unsafe.Add(ref entries, found);
            if (entry.Hash == hash && probe.Matches(in entry.Key))
            {
                index = found;
                return true;
            }

            bucket = (bucket + 1) & mask;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool RetryFind<TProbe>(scoped TProbe probe, int stableHash, out int index)
        where TProbe : IKeyProbe<TStored>, allows ref struct
    {
        while (true)
        {
            CheckFlood();
            index = Probe(probe, _keyed ? probe.KeyedHash() : stableHash, out int bucket);
            if (index >= 0 || bucket >= 0)
            {
                return index >= 0;
            }
        }
    }

    /// <summary>
    /// Finds the entry of a key: its index, or -1 with the empty bucket where it would go, or -1 with bucket -1 when
    /// the probes reached the next flood check (the caller then checks and looks again).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Probe<TProbe>(scoped TProbe probe, int hash, out int bucket)
        where TProbe : IKeyProbe<TStored>, allows ref struct
    {
        // No bounds checks: the mask keeps buckets in range and buckets hold only entry indexes below the count.
        ref Entry<TStored, TSlot> entries = ref MemoryMarshal.GetArrayDataReference(_entries);
        ref int buckets = ref MemoryMarshal.GetArrayDataReference(_buckets);
        int mask = _mask;
        bucket = hash & mask;
        while (true)
        {
            int found = Unsafe.Add(ref buckets, bucket) - 1;
            if (found < 0)
            {
                return -1;
            }

            ref Entry<TStored, TSlot> entry = ref Unsafe.Add(ref entries, found);
            if (entry.Hash == hash && probe.Matches(in entry.Key))
            {
                return found;
            }

            bucket = (bucket + 1) & mask;
            if (++_probes > _nextFloodCheck)
            {
                bucket = -1;
                return -1;
            }
        }
    }

    /// <summary>
    /// Adds a key known to be absent (no equality checks), returning its slot. Counts towards flood detection like a
    /// lookup: keys that share one stable hash cannot make adding them quadratic either.
    /// </summary>
    public ref TSlot AddUnique(in TStored key, int stableHash)
    {
        _lookups++;
        int bucket = FindEmptyBucket(key, stableHash, out int hash);
        return ref Add(key, hash, bucket);
    }

    public ref Entry<TStored, TSlot> EntryAt(int index) => ref _entries[index];

    /// <summary>The stable hash of an entry's key, whether or not the table is keyed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int StableHashAt(int index) => _keyed ? _ops.StableHash(_entries[index].Key) : _entries[index].Hash;

    /// <summary>
    /// Ends lookups: drops the bucket array and hands over the entries (the first <see cref="Count"/>), whose hashes
    /// are all made stable. The table is empty afterwards.
    /// </summary>
    public Entry<TStored, TSlot>[] TakeEntries(out int count)
    {
        Entry<TStored, TSlot>[] entries = _entries;
        count = _count;
        if (_keyed)
        {
            for (int i = 0; i < count; i++)
            {
                entries[i].Hash = _ops.StableHash(entries[i].Key);
            }
        }

        _entries = [];
        _buckets = new int[2];
        _mask = 1;
        _count = 0;
        _keyed = false;
        return entries;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ref TSlot Restart<TProbe>(scoped TProbe probe, int stableHash, out bool added, out int index)
        where TProbe : IKeyProbe<TStored>, allows ref struct
    {
        CheckFlood();
        _lookups--;
        return ref GetSlot(probe, stableHash, out added, out index);
    }

    /// <summary>
    /// Switches to the keyed hash when the probes beyond the first average more than
    /// <see cref="FloodedProbesPerLookup"/> per lookup; otherwise schedules the next check after as many probes as
    /// there were lookups so far, so checks stay rare.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckFlood()
    {
        if (!_keyed && _probes > FloodedProbesPerLookup * _lookups)
        {
            SwitchToKeyedHash();
        }
        else
        {
            _nextFloodCheck = _probes + Math.Max(FirstFloodCheck, _lookups);
        }
    }

    private void SwitchToKeyedHash()
    {
        _keyed = true;
        _nextFloodCheck = long.MaxValue;
        for (int i = 0; i < _count; i++)
        {
            _entries[i].Hash = _ops.KeyedHash(_entries[i].Key);
        }

        Rebuild();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ref TSlot Add(TStored key, int hash, int bucket)
    {
        if (_count == _entries.Length)
        {
            // Growing rebuilds the buckets, and may switch to the keyed hash: the key's bucket (and hash) are found again.
            Grow();
            bucket = FindEmptyBucket(key, hash, out hash);
        }

        int index = _count++;
        ref Entry<TStored, TSlot> entry = ref _entries[index];
        entry.Key = key;
        entry.Hash = hash;
        _buckets[bucket] = index + 1;
        return ref entry.Slot;
    }

    private void Grow()
    {
        // A table whose entries were taken (a spilled map task's) starts again at the minimum capacity.
        int newSize = Math.Max(MinimumCapacity, checked(_entries.Length * 2));
        Array.Resize(ref _entries, newSize);
        _buckets = new int[checked(newSize * 2)];
        _mask = _buckets.Length - 1;
        Rebuild();
    }

    // Puts every entry back into the (cleared) buckets. The probes count towards flood detection, as re-inserting keys
    // that share one stable hash is as quadratic as adding them: when a check finds a flood, the table switches to the
    // keyed hash, which rebuilds the buckets itself.
    private void Rebuild()
    {
        Array.Clear(_buckets);
        _lookups += _count;
        for (int i = 0; i < _count; i++)
        {
            int bucket = _entries[i].Hash & _mask;
            while (_buckets[bucket] != 0)
            {
                bucket = (bucket + 1) & _mask;
                if (++_probes > _nextFloodCheck)
                {
                    CheckFlood();
                    if (_keyed)
                    {
                        return;
                    }
                }
            }

            _buckets[bucket] = i + 1;
        }
    }

    // The empty bucket for a key that is not in the table, and the hash it goes in with: the keyed hash once the table
    // is keyed, else stableHash. Probes count towards flood detection; a check that finds a flood switches the table to
    // the keyed hash and the search starts again.
    private int FindEmptyBucket(in TStored key, int stableHash, out int hash)
    {
        while (true)
        {
            hash = _keyed ? _ops.KeyedHash(key) : stableHash;
            int bucket = hash & _mask;
            bool due = false;
            while (_buckets[bucket] != 0)
            {
                bucket = (bucket + 1) & _mask;
                if (++_probes > _nextFloodCheck)
                {
                    due = true;
                    break;
                }
            }

            if (!due)
            {
                return bucket;
            }

            CheckFlood();
        }
    }
}
