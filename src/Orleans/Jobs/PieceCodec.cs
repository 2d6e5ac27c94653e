using System.Runtime.CompilerServices;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Tables;
using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// Encodes a map task's <see cref="Piece{TStored, TSlot, TValue}"/> for the wire and decodes it on the reduce side into a
/// piece of the same shape, so a silo's reduce task runs the engine's reducer on it unchanged. String keys travel as
/// their stored UTF-8 bytes and are decoded in place (the received bytes are the keys' storage).
/// </summary>
internal static class PieceCodec
{
    public static byte[] Encode<TKey, TStored, TSlot, TValue>(
        Piece<TStored, TSlot, TValue> piece, bool keepsValues, Serializer serializer)
    {
        ReadOnlySpan<Entry<TStored, TSlot>> entries = piece.Entries;
        int count = entries.Length;
        var hashes = new int[count];
        var slots = new TSlot[count];
        for (int i = 0; i < count; i++)
        {
            hashes[i] = entries[i].Hash;
            slots[i] = entries[i].Slot;
        }

        byte[]? keyBytes = null;
        int[]? keyLengths = null;
        byte[]? keys = null;
        if (typeof(TStored) == typeof(Utf8Key))
        {
            keyLengths = new int[count];
            int total = 0;
            for (int i = 0; i < count; i++)
            {
                keyLengths[i] = AsUtf8(entries[i].Key).Length;
                total += keyLengths[i];
            }

            keyBytes = new byte[total];
            int offset = 0;
            for (int i = 0; i < count; i++)
            {
                AsUtf8(entries[i].Key).Span.CopyTo(keyBytes.AsSpan(offset));
                offset += keyLengths[i];
            }
        }
        else
        {
            var array = new TKey[count];
            for (int i = 0; i < count; i++)
            {
                array[i] = Unsafe.As<TStored, TKey>(ref Unsafe.AsRef(in entries[i].Key));
            }

            keys = serializer.SerializeToArray(array);
        }

        byte[]? values = null;
        if (keepsValues)
        {
            var all = new List<TValue>();
            for (int i = 0; i < count; i++)
            {
                foreach (TValue value in piece.ValuesOf(piece.Start + i))
                {
                    all.Add(value);
                }
            }

            values = serializer.SerializeToArray(all.ToArray());
        }

        return serializer.SerializeToArray(new PieceData
        {
            Count = count,
            Hashes = hashes,
            KeyBytes = keyBytes,
            KeyLengths = keyLengths,
            Keys = keys,
            Slots = serializer.SerializeToArray(slots),
            Values = values,
        });
    }

    public static Piece<TStored, TSlot, TValue> Decode<TKey, TStored, TSlot, TValue>(byte[] chunk, Serializer serializer)
    {
        PieceData data = serializer.Deserialize<PieceData>(chunk) ?? throw new InvalidDataException("A MapReduce piece is empty.");
        int count = data.Count;
        TSlot[] slots = serializer.Deserialize<TSlot[]>(data.Slots) ?? [];
        if (data.Hashes.Length != count || slots.Length != count)
        {
            throw new InvalidDataException("A MapReduce piece holds different numbers of keys, hashes and slots.");
        }

        var entries = new Entry<TStored, TSlot>[count];
        if (typeof(TStored) == typeof(Utf8Key))
        {
            byte[] bytes = data.KeyBytes ?? throw new InvalidDataException("A MapReduce piece of string keys has no key bytes.");
            int[] lengths = data.KeyLengths ?? throw new InvalidDataException("A MapReduce piece of string keys has no key lengths.");
            int offset = 0;
            for (int i = 0; i < count; i++)
            {
                var key = new Utf8Key(bytes, offset, lengths[i]);
                entries[i].Key = Unsafe.As<Utf8Key, TStored>(ref key);
                offset += lengths[i];
            }
        }
        else
        {
            TKey[] keys = serializer.Deserialize<TKey[]>(data.Keys ?? throw new InvalidDataException("A MapReduce piece has no keys.")) ?? [];
            for (int i = 0; i < count; i++)
            {
                entries[i].Key = Unsafe.As<TKey, TStored>(ref keys[i]);
            }
        }

        for (int i = 0; i < count; i++)
        {
            entries[i].Hash = data.Hashes[i];
            entries[i].Slot = slots[i];
        }

        TValue[]? values = null;
        int[]? valueStarts = null;
        if (data.Values is { } encodedValues)
        {
            values = serializer.Deserialize<TValue[]>(encodedValues) ?? [];
            valueStarts = new int[count + 1];
            for (int i = 0; i < count; i++)
            {
                valueStarts[i + 1] = valueStarts[i] + Unsafe.As<TSlot, int>(ref slots[i]);
            }

            if (valueStarts[count] != values.Length)
            {
                throw new InvalidDataException("A MapReduce piece's value counts do not match its values.");
            }
        }

        return new Piece<TStored, TSlot, TValue>(entries, 0, count, values, valueStarts);
    }

    private static Utf8Key AsUtf8<TStored>(in TStored key) => Unsafe.As<TStored, Utf8Key>(ref Unsafe.AsRef(in key));
}
