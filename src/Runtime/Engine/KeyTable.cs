using System.Numerics;
using System.Runtime.CompilerServices;

namespace MapReduceGen;

/// <summary>
/// The hash table behind every worker and partition: open addressing with linear probing over a power-of-two
/// bucket array that holds indexes into a dense entry array (struct entries with the cached hash). Hashing and
/// equality come from <typeparamref name="TKeys"/>, a generated job struct, so they are direct calls the JIT and
/// Native AOT inline: no boxing, no comparer interface calls.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TSlot">What each key holds: an accumulator for a fold, a value chain for grouping.</typeparam>
/// <typeparam name="TKeys">The job struct providing hashing and equality.</typeparam>
internal sealed class KeyTable<TKey, TSlot, TKeys>
    where TKeys : struct, IKeyEquality<TKey>
{
    private const int MinimumCapacity = 16;

    // 0 marks an empty bucket; otherwise the entry index plus one.
    private int[] _buckets;
    private KeyEntry<TKey, TSlot>[] _entries;
    private int _count;
    private int _mask;

    public KeyTable(int capacity = MinimumCapacity)
    {
        int entries = Math.Max(MinimumCapacity, (int)BitOperations.RoundUpToPowerOf2((uint)capacity));
        _entries = new KeyEntry<TKey, TSlot>[entries];
        _buckets = new int[entries * 2];
        _mask = _buckets.Length - 1;
    }

    public int Count => _count;

    /// <summary>The entries in insertion order; valid until the next insertion.</summary>
    public Span<KeyEntry<TKey, TSlot>> Entries => _entries.AsSpan(0, _count);

    /// <summary>Finds <paramref name="key"/>, adding it with a default slot when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TSlot GetSlot(TKey key, int hash, out bool added)
    {
        KeyEntry<TKey, TSlot>[] entries = _entries;
        int[] buckets = _buckets;
        int bucket = hash & _mask;
        while (true)
        {
            int index = buckets[bucket] - 1;
            if (index < 0)
            {
                break;
            }

            ref KeyEntry<TKey, TSlot> entry = ref entries[index];
            if (entry.Hash == hash && TKeys.KeysEqual(entry.Key, key))
            {
                added = false;
                return ref entry.Slot;
            }

            bucket = (bucket + 1) & _mask;
        }

        added = true;
        return ref Add(key, hash, bucket);
    }

    /// <summary>
    /// Finds a string key given as characters, adding it (allocating its string once) when absent. Only valid
    /// when <typeparamref name="TKey"/> is <see cref="string"/> and the hash is <see cref="StableHash.Of(ReadOnlySpan{char})"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TSlot GetSlot(ReadOnlySpan<char> key, int hash, out bool added)
    {
        KeyEntry<TKey, TSlot>[] entries = _entries;
        int[] buckets = _buckets;
        int bucket = hash & _mask;
        while (true)
        {
            int index = buckets[bucket] - 1;
            if (index < 0)
            {
                break;
            }

            ref KeyEntry<TKey, TSlot> entry = ref entries[index];
            if (entry.Hash == hash && Unsafe.As<string>(entry.Key)!.AsSpan().SequenceEqual(key))
            {
                added = false;
                return ref entry.Slot;
            }

            bucket = (bucket + 1) & _mask;
        }

        added = true;
        return ref Add((TKey)(object)key.ToString(), hash, bucket);
    }

    /// <summary>Looks a key up without adding it.</summary>
    public bool TryFind(TKey key, int hash, out int entryIndex)
    {
        int bucket = hash & _mask;
        while (true)
        {
            int index = _buckets[bucket] - 1;
            if (index < 0)
            {
                entryIndex = -1;
                return false;
            }

            ref KeyEntry<TKey, TSlot> entry = ref _entries[index];
            if (entry.Hash == hash && TKeys.KeysEqual(entry.Key, key))
            {
                entryIndex = index;
                return true;
            }

            bucket = (bucket + 1) & _mask;
        }
    }

    /// <summary>Adds a key known to be absent (no equality checks), returning its slot.</summary>
    public ref TSlot AddUnique(TKey key, int hash) => ref Add(key, hash, FindEmptyBucket(hash));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ref TSlot Add(TKey key, int hash, int bucket)
    {
        if (_count == _entries.Length)
        {
            Grow();
            bucket = FindEmptyBucket(hash);
        }

        int index = _count++;
        ref KeyEntry<TKey, TSlot> entry = ref _entries[index];
        entry.Key = key;
        entry.Hash = hash;
        _buckets[bucket] = index + 1;
        return ref entry.Slot;
    }

    private void Grow()
    {
        int newSize = checked(_entries.Length * 2);
        Array.Resize(ref _entries, newSize);
        _buckets = new int[newSize * 2];
        _mask = _buckets.Length - 1;
        for (int i = 0; i < _count; i++)
        {
            _buckets[FindEmptyBucket(_entries[i].Hash)] = i + 1;
        }
    }

    private int FindEmptyBucket(int hash)
    {
        int bucket = hash & _mask;
        while (_buckets[bucket] != 0)
        {
            bucket = (bucket + 1) & _mask;
        }

        return bucket;
    }
}
