using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MapReduceGen;

/// <summary>
/// A fold worker's map-phase table for string keys, built for the word-count shape (many lookups, few distinct keys):
/// open addressing with linear probing straight over the slots (no bucket array), each slot holding the key, its
/// cached hash, the accumulator and the key's first seven characters with its length packed in 16 bytes. A lookup
/// touches one slot (one cache miss) and compares keys of up to seven characters without reading the string; longer
/// keys are confirmed against the string. When the map phase ends the table is turned into a
/// <see cref="KeyTable{TKey, TSlot, TKeys}"/> for the merge and the result.
/// </summary>
/// <remarks>
/// The slot arrays (megabytes for a large vocabulary) come from <see cref="ArrayPool{T}.Shared"/> and go back to it,
/// cleared, when the table grows and when <see cref="Release"/> is called after the merge: repeated runs in one
/// process reuse them instead of making the GC allocate, zero, decommit and fault in fresh large-object memory on
/// every run (with several workers that churn, not the map, was what limited scaling). Only this class uses the pool
/// of its private slot type, and it always clears what it returns, so rented arrays are clear.
/// </remarks>
/// <typeparam name="TValue">The accumulator type.</typeparam>
internal sealed class StringKeyTable<TValue>
{
    private const int MinimumCapacity = 32;
    private const int InlineChars = 7;

    private Slot[] _slots;
    private int _capacity;
    private int _count;
    private int _mask;
    private int _growAt;

    public StringKeyTable()
    {
        if (!BitConverter.IsLittleEndian)
        {
            // The packing masks off the eighth character's bytes, which is the high half on little-endian machines.
            throw new PlatformNotSupportedException("StringKeyTable assumes a little-endian machine.");
        }

        _slots = ArrayPool<Slot>.Shared.Rent(MinimumCapacity);
        _capacity = MinimumCapacity;
        _mask = MinimumCapacity - 1;
        _growAt = MinimumCapacity / 2;
    }

    public int Count => _count;

    /// <summary>Every slot, used or not (a used slot has a key).</summary>
    public ReadOnlySpan<Slot> Slots => _slots.AsSpan(0, _capacity);

    /// <summary>
    /// Finds the key, adding it with a default accumulator when absent (using <paramref name="keyString"/> as the key
    /// when given, otherwise a new string of the characters).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TValue GetSlot(ReadOnlySpan<char> key, string? keyString, int hash, out bool added)
    {
        Pack(key, out ulong low, out ulong high);
        Slot[] slots = _slots;
        int mask = _mask;
        int index = hash & mask;
        while (true)
        {
            ref Slot slot = ref slots[index];
            if (slot.Key is null)
            {
                break;
            }

            if (slot.Hash == hash && slot.Low == low && slot.High == high
                && (key.Length <= InlineChars || slot.Key.AsSpan(InlineChars).SequenceEqual(key[InlineChars..])))
            {
                added = false;
                return ref slot.Value;
            }

            index = (index + 1) & mask;
        }

        added = true;
        return ref Add(key, keyString, hash, low, high, index);
    }

    /// <summary>Copies the keys and accumulators into a dense <see cref="KeyTable{TKey, TSlot, TKeys}"/>.</summary>
    public KeyTable<TKey, TValue, TKeys> ToKeyTable<TKey, TKeys>()
        where TKeys : struct, IKeyEquality<TKey>
    {
        var table = new KeyTable<TKey, TValue, TKeys>(_count);
        foreach (ref readonly Slot slot in Slots)
        {
            if (slot.Key is not null)
            {
                table.AddUnique(Unsafe.As<string, TKey>(ref Unsafe.AsRef(in slot.Key)), slot.Hash) = slot.Value;
            }
        }

        return table;
    }

    // The first seven characters (zero-padded) and the length (its low 16 bits) in two words: equal words and equal
    // hashes mean equal keys of up to seven characters. Built from (overlapping) loads, never through memory.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pack(ReadOnlySpan<char> key, out ulong low, out ulong high)
    {
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(key);
        int n = key.Length;
        ulong length = (ulong)(ushort)n << 48;
        if (n >= 4)
        {
            low = MemoryMarshal.Read<ulong>(bytes);
            if (n >= 8)
            {
                high = (MemoryMarshal.Read<ulong>(bytes[8..]) & 0x0000_FFFF_FFFF_FFFFUL) | length;
            }
            else if (n > 4)
            {
                // The last four characters, shifted so that only those past the fourth remain.
                high = (MemoryMarshal.Read<ulong>(bytes[((2 * n) - 8)..]) >> ((16 - (2 * n)) * 8)) | length;
            }
            else
            {
                high = length;
            }

            return;
        }

        high = length;
        low = n switch
        {
            3 => MemoryMarshal.Read<uint>(bytes) | ((ulong)key[2] << 32),
            2 => MemoryMarshal.Read<uint>(bytes),
            1 => key[0],
            _ => 0,
        };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ref TValue Add(ReadOnlySpan<char> key, string? keyString, int hash, ulong low, ulong high, int index)
    {
        if (_count >= _growAt)
        {
            Grow();
            index = hash & _mask;
            while (_slots[index].Key is not null)
            {
                index = (index + 1) & _mask;
            }
        }

        _count++;
        ref Slot slot = ref _slots[index];
        slot.Key = keyString ?? key.ToString();
        slot.Hash = hash;
        slot.Low = low;
        slot.High = high;
        return ref slot.Value;
    }

    /// <summary>Gives the slots back to the pool; the table is empty afterwards.</summary>
    public void Release()
    {
        Slot[] slots = _slots;
        _slots = [];
        _capacity = 0;
        _count = 0;
        _mask = 0;
        _growAt = 0;
        if (slots.Length > 0)
        {
            ArrayPool<Slot>.Shared.Return(slots, clearArray: true);
        }
    }

    private void Grow()
    {
        Slot[] old = _slots;
        int oldCapacity = _capacity;
        int capacity = checked(Math.Max(MinimumCapacity, oldCapacity * 2));
        Slot[] slots = ArrayPool<Slot>.Shared.Rent(capacity);
        int mask = capacity - 1;
        foreach (ref readonly Slot slot in old.AsSpan(0, oldCapacity))
        {
            if (slot.Key is null)
            {
                continue;
            }

            int index = slot.Hash & mask;
            while (slots[index].Key is not null)
            {
                index = (index + 1) & mask;
            }

            slots[index] = slot;
        }

        if (old.Length > 0)
        {
            ArrayPool<Slot>.Shared.Return(old, clearArray: true);
        }

        _slots = slots;
        _capacity = capacity;
        _mask = mask;
        _growAt = capacity / 2;
    }

    /// <summary>One slot of the table; empty when <see cref="Key"/> is <see langword="null"/>.</summary>
    internal struct Slot
    {
        public string? Key;
        public ulong Low;
        public ulong High;
        public int Hash;
        public TValue Value;
    }
}
