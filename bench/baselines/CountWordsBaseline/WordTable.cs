using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CountWordsBaseline;

/// <summary>
/// Counts of UTF-8 words: open addressing with linear probing over 16-byte slots (power-of-two capacity, at most
/// half full, indexed by the top bits of a 32-bit hash), and a byte arena for words of 8 bytes or more, all in native
/// memory (<see cref="LargeMemory"/>).
/// <para>
/// A slot is <see cref="Slot.Key"/> (8 bytes), <see cref="Slot.Value"/> and <see cref="Slot.Ref"/> (4 bytes each); all
/// zero is empty.
/// </para>
/// <list type="bullet">
/// <item>A word of up to 7 bytes lives entirely in its slot: <see cref="Slot.Key"/> is the word padded with spaces
/// (which no word holds, so the padded value identifies the word, length included), <see cref="Slot.Value"/> its count
/// and <see cref="Slot.Ref"/> 0. A lookup is one 64-bit compare of one slot.</item>
/// <item>A word of 8 bytes or more: <see cref="Slot.Key"/> is its first 8 bytes (never a space among them, so it never
/// equals a short word's key), <see cref="Slot.Value"/> its hash and <see cref="Slot.Ref"/> the offset of its arena
/// entry: [length: int32][count: uint32][the word's bytes], 4-byte aligned. The count sits next to the bytes that a
/// hit must compare anyway, so a hit touches the slot and one arena line; and the arena, in insertion order, can be
/// read front to back to merge or list the long words without visiting their slots.</item>
/// </list>
/// <para>
/// Hashing is word-at-a-time: a short word is hashed as its padded 64-bit value with one 64-bit multiply (the high 32
/// bits of the product); a longer word's 8-byte words are rotated, xored and multiplied in, the last one overlapping.
/// Unkeyed: this is a benchmark baseline, not a table that faces untrusted input.
/// </para>
/// </summary>
internal sealed unsafe class WordTable : IDisposable
{
    /// <summary>Eight spaces: the padding of short words.</summary>
    public const ulong Spaces = 0x2020202020202020UL;

    /// <summary>Words of at most this many bytes live in their slot.</summary>
    public const int ShortBytes = 7;

    private const ulong K0 = 0xA0761D6478BD642FUL;
    private const ulong K1 = 0xE7037ED1A0B428DBUL;
    private const ulong K2 = 0x8EBC6AF09C88C6E3UL;
    private const int ArenaHeader = 8;
    private const int ArenaStart = 8; // offset 0 would read as "no arena entry"

    private Slot* _slots;
    private nuint _mask;
    private int _shift;
    private int _count;
    private int _growAt;
    private byte* _arena;
    private long _arenaUsed;
    private long _arenaCapacity;

    public WordTable(int capacityLog2 = 16)
    {
        nuint capacity = (nuint)1 << capacityLog2;
        _slots = (Slot*)LargeMemory.Allocate(capacity * (nuint)sizeof(Slot), zero: true);
        _mask = capacity - 1;
        _shift = 32 - capacityLog2;
        _growAt = (int)(capacity / 2);
        _arenaCapacity = 1 << 16;
        _arena = (byte*)LargeMemory.Allocate((nuint)_arenaCapacity, zero: true);
        _arenaUsed = ArenaStart;
    }

    ~WordTable() => Free();

    /// <summary>The number of distinct words.</summary>
    public int Count => _count;

    /// <summary>Bytes of native memory held (slots and arena).</summary>
    public long NativeBytes => (long)(_mask + 1) * sizeof(Slot) + _arenaCapacity;

    /// <summary>Counts one occurrence of the word at <paramref name="word"/> (already lower-cased).</summary>
    /// <param name="word">The first byte; at least eight bytes must be readable from here.</param>
    /// <param name="length">The word's length in bytes (at least 1).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(byte* word, int length)
    {
        if (length <= ShortBytes)
        {
            ulong mask = (1UL << (length << 3)) - 1;
            AddShort((Unsafe.ReadUnaligned<ulong>(word) & mask) | (Spaces & ~mask), 1);
            return;
        }

        AddLong(word, length, HashLong(word, length), 1);
    }

    /// <summary>Adds every word of <paramref name="other"/> with its count.</summary>
    /// <remarks>
    /// The other table's slots are visited in order, that is in the order of their hashes' top bits, so the slots
    /// this table visits go the same way (ascending, a few at a time) instead of jumping around.
    /// </remarks>
    public void MergeFrom(WordTable other)
    {
        Slot* end = other._slots + other._mask + 1;
        for (Slot* s = other._slots; s < end; s++)
        {
            if (s->Ref == 0)
            {
                if (s->Value != 0)
                {
                    AddShort(s->Key, s->Value);
                }
            }
            else
            {
                byte* entry = other._arena + s->Ref;
                AddLong(entry + ArenaHeader, *(int*)entry, s->Value, *(uint*)(entry + 4));
            }
        }
    }

    /// <summary>Writes an unsorted entry for every word to <paramref name="entries"/> (room for <see cref="Count"/>).</summary>
    public void GetEntries(Output.Entry* entries)
    {
        Output.Entry* e = entries;
        for (nuint i = 0; i <= _mask; i++)
        {
            Slot* s = _slots + i;
            if (s->Ref == 0 && s->Value != 0)
            {
                int length = ShortLength(s->Key);
                ulong zeroPadded = s->Key & ((1UL << (length << 3)) - 1);
                e->High = ((ulong)~s->Value << 32) | BinaryPrimitives.ReverseEndianness((uint)zeroPadded);
                e->Low = BinaryPrimitives.ReverseEndianness(zeroPadded >> 32);
                e->Ref = (uint)i;
                e->Length = length;
                e++;
            }
        }

        for (long at = ArenaStart; at < _arenaUsed; at = Next(at, *(int*)(_arena + at)))
        {
            byte* entry = _arena + at;
            int length = *(int*)entry;
            byte* word = entry + ArenaHeader;
            ulong rest = Unsafe.ReadUnaligned<ulong>(word + 4); // bytes 4 to 11 (the arena has slack after its end)
            if (length < 12)
            {
                rest &= (1UL << ((length - 4) << 3)) - 1;
            }

            e->High = ((ulong)~*(uint*)(entry + 4) << 32) | BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(word));
            e->Low = BinaryPrimitives.ReverseEndianness(rest);
            e->Ref = (uint)at;
            e->Length = length;
            e++;
        }
    }

    /// <summary>The bytes of the word of an entry from <see cref="GetEntries"/>.</summary>
    public ReadOnlySpan<byte> KeyOf(in Output.Entry entry) =>
        entry.Length <= ShortBytes
            ? new ReadOnlySpan<byte>(&_slots[entry.Ref].Key, entry.Length)
            : new ReadOnlySpan<byte>(_arena + entry.Ref + ArenaHeader, entry.Length);

    /// <summary>The mean number of slots a successful lookup visits (1 when every word is in its home slot).</summary>
    public double MeanProbeLength()
    {
        long total = 0;
        for (nuint i = 0; i <= _mask; i++)
        {
            Slot* s = _slots + i;
            if (!s->IsEmpty)
            {
                uint hash = s->Ref == 0 ? HashShort(s->Key) : s->Value;
                total += (long)((i - (hash >> _shift)) & _mask) + 1;
            }
        }

        return _count == 0 ? 0 : (double)total / _count;
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    // The length of a short word from its space-padded value: the first byte equal to 0x20 ends it (found with the
    // zero-byte trick on padded ^ spaces).
    private static int ShortLength(ulong padded)
    {
        ulong x = padded ^ Spaces;
        ulong zero = (x - 0x0101010101010101UL) & ~x & 0x8080808080808080UL;
        return BitOperations.TrailingZeroCount(zero) >> 3;
    }

    // The arena offset after the entry at `at` (entries are 4-byte aligned).
    private static long Next(long at, int length) => at + ((ArenaHeader + length + 3) & ~3);

    // Multiplicative hashing: the high 32 bits of a 64-bit product; the table is indexed by the hash's top bits, which
    // depend on every bit of the key. (A 64x64-to-128-bit multiply would mix better, but Math.BigMul is a software
    // routine where BMI2 is not in the instruction set, as in Native AOT's default x64 target.)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint HashShort(ulong padded) => (uint)(((padded ^ K0) * K1) >> 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint HashLong(byte* p, int length)
    {
        ulong h = K0 ^ (ulong)length;
        if (length <= 16)
        {
            h = (BitOperations.RotateLeft(h, 23) ^ Unsafe.ReadUnaligned<ulong>(p)) * K1;
            h = (BitOperations.RotateLeft(h, 23) ^ Unsafe.ReadUnaligned<ulong>(p + length - 8)) * K2;
            return (uint)(h >> 32);
        }

        int i = 0;
        for (; i + 8 < length; i += 8)
        {
            h = (BitOperations.RotateLeft(h, 23) ^ Unsafe.ReadUnaligned<ulong>(p + i)) * K1;
        }

        h = (BitOperations.RotateLeft(h, 23) ^ Unsafe.ReadUnaligned<ulong>(p + length - 8)) * K2;
        return (uint)(h >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddShort(ulong key, uint count)
    {
        nuint i = HashShort(key) >> _shift;
        while (true)
        {
            Slot* s = _slots + i;
            if (s->Key == key)
            {
                s->Value += count;
                return;
            }

            if (s->IsEmpty)
            {
                InsertShort(s, key, count);
                return;
            }

            i = (i + 1) & _mask;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void InsertShort(Slot* s, ulong key, uint count)
    {
        s->Key = key;
        s->Value = count;
        if (++_count > _growAt)
        {
            Grow();
        }
    }

    private void AddLong(byte* word, int length, uint hash, uint count)
    {
        ulong prefix = Unsafe.ReadUnaligned<ulong>(word);
        nuint i = hash >> _shift;
        while (true)
        {
            Slot* s = _slots + i;
            if (s->IsEmpty)
            {
                InsertLong(s, word, length, hash, count);
                return;
            }

            // A short word's key holds a space and a long word's never does: equal keys mean a long word.
            if (s->Key == prefix && s->Value == hash)
            {
                byte* entry = _arena + s->Ref;
                if (*(int*)entry == length
                    && (length <= 16
                        ? Unsafe.ReadUnaligned<ulong>(entry + ArenaHeader + length - 8) == Unsafe.ReadUnaligned<ulong>(word + length - 8)
                        : new ReadOnlySpan<byte>(entry + ArenaHeader + 8, length - 8).SequenceEqual(new ReadOnlySpan<byte>(word + 8, length - 8))))
                {
                    *(uint*)(entry + 4) += count;
                    return;
                }
            }

            i = (i + 1) & _mask;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void InsertLong(Slot* slot, byte* word, int length, uint hash, uint count)
    {
        long next = Next(_arenaUsed, length);
        if (next + 8 > _arenaCapacity)
        {
            // 8 bytes of slack: GetEntries reads 8 bytes from the fifth byte of a word of 8 or more.
            long capacity = _arenaCapacity;
            while (capacity < next + 8)
            {
                capacity *= 2;
            }

            _arena = (byte*)LargeMemory.Grow(_arena, (nuint)_arenaUsed, (nuint)capacity);
            _arenaCapacity = capacity;
        }

        byte* e = _arena + _arenaUsed;
        *(int*)e = length;
        *(uint*)(e + 4) = count;
        Buffer.MemoryCopy(word, e + ArenaHeader, length, length);
        slot->Key = Unsafe.ReadUnaligned<ulong>(word);
        slot->Value = hash;
        slot->Ref = checked((uint)_arenaUsed);
        _arenaUsed = next;
        if (++_count > _growAt)
        {
            Grow();
        }
    }

    private void Grow()
    {
        Slot* old = _slots;
        nuint oldCapacity = _mask + 1;
        nuint capacity = oldCapacity * 2;
        Slot* slots = (Slot*)LargeMemory.Allocate(capacity * (nuint)sizeof(Slot), zero: true);
        nuint mask = capacity - 1;
        int shift = _shift - 1;
        for (Slot* s = old; s < old + oldCapacity; s++)
        {
            if (s->IsEmpty)
            {
                continue;
            }

            uint hash = s->Ref == 0 ? HashShort(s->Key) : s->Value;
            nuint i = hash >> shift;
            while (!slots[i].IsEmpty)
            {
                i = (i + 1) & mask;
            }

            slots[i] = *s;
        }

        LargeMemory.Free(old);
        _slots = slots;
        _mask = mask;
        _shift = shift;
        _growAt = (int)(capacity / 2);
    }

    private void Free()
    {
        if (_slots != null)
        {
            LargeMemory.Free(_slots);
            _slots = null;
        }

        if (_arena != null)
        {
            LargeMemory.Free(_arena);
            _arena = null;
        }
    }

    /// <summary>One slot: 16 bytes (see the class).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public ulong Key;
        public uint Value;
        public uint Ref;

        /// <summary>Empty: no count (short word) and no arena entry (long word).</summary>
        public readonly bool IsEmpty
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => (Value | Ref) == 0;
        }
    }
}
