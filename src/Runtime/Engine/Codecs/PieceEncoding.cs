using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine;

/// <summary>
/// A map task's <see cref="Piece{TStored, TSlot, TValue}"/> as bytes, and back into a piece of the same shape, so the
/// partition's reducer runs on it unchanged: a cluster's shuffle and spill files both use it. Columns, one after the
/// other: the entry count; every stable hash; the keys (string keys as their stored UTF-8, the others by their codec);
/// the slots (combined values, or value counts); for jobs that keep every value, the values key after key. A type
/// without a codec is one array encoded by the backend's payload codec. Decoded string keys point into the bytes given.
/// </summary>
internal static class PieceEncoding
{
    public static void Encode<TKey, TStored, TSlot, TValue, TResult>(
        ValueWriter writer, in Piece<TStored, TSlot, TValue> piece, bool keepsValues, TypedCodecs<TKey, TValue, TResult> codecs, IPayloadCodec? payload)
    {
        ReadOnlySpan<Entry<TStored, TSlot>> entries = piece.Entries;
        int count = entries.Length;
        writer.WriteByte(Spill.PieceFormat.Columns);
        writer.WriteVarUInt32((uint)count);
        foreach (ref readonly Entry<TStored, TSlot> entry in entries)
        {
            writer.WriteInt32(entry.Hash);
        }

        if (typeof(TStored) == typeof(Utf8Key))
        {
            foreach (ref readonly Entry<TStored, TSlot> entry in entries)
            {
                writer.WriteUtf8(AsUtf8(entry.Key).Span);
            }
        }
        else
        {
            TypedCodecs<TKey, TValue, TResult>.WriteColumn(writer, codecs.Key, payload, Column(entries, static (in Entry<TStored, TSlot> e) => AsKey<TKey, TStored>(e.Key)));
        }

        TypedCodecs<TKey, TValue, TResult>.WriteColumn(writer, codecs.Slot<TSlot>(), payload, Column(entries, static (in Entry<TStored, TSlot> e) => e.Slot));
        if (keepsValues)
        {
            int total = 0;
            for (int i = 0; i < count; i++)
            {
                total += piece.ValuesOf(piece.Start + i).Length;
            }

            writer.WriteVarUInt32((uint)total);
            var values = new TValue[total];
            int at = 0;
            for (int i = 0; i < count; i++)
            {
                ReadOnlySpan<TValue> own = piece.ValuesOf(piece.Start + i);
                own.CopyTo(values.AsSpan(at));
                at += own.Length;
            }

            TypedCodecs<TKey, TValue, TResult>.WriteColumn(writer, codecs.Value, payload, values);
        }
    }

    public static Piece<TStored, TSlot, TValue> Decode<TKey, TStored, TSlot, TValue, TResult>(
        ReadOnlyMemory<byte> data, bool keepsValues, TypedCodecs<TKey, TValue, TResult> codecs, IPayloadCodec? payload)
    {
        // String keys point into the bytes: they must be an array (copied once when they are not).
        ArraySegment<byte> bytes = MemoryMarshal.TryGetArray(data, out ArraySegment<byte> segment) ? segment : new ArraySegment<byte>(data.ToArray());
        var reader = new ValueReader(bytes);
        if (reader.ReadByte() != Spill.PieceFormat.Columns)
        {
            throw new InvalidDataException("The bytes are not a map output piece.");
        }

        int count = reader.ReadCount();
        var entries = new Entry<TStored, TSlot>[count];
        for (int i = 0; i < count; i++)
        {
            entries[i].Hash = reader.ReadInt32();
        }

        if (typeof(TStored) == typeof(Utf8Key))
        {
            for (int i = 0; i < count; i++)
            {
                ReadOnlySpan<byte> key = reader.ReadUtf8();
                int offset = bytes.Offset + reader.Position - key.Length;
                var stored = new Utf8Key(bytes.Array!, offset, key.Length);
                entries[i].Key = Unsafe.As<Utf8Key, TStored>(ref stored);
            }
        }
        else
        {
            TKey[] keys = TypedCodecs<TKey, TValue, TResult>.ReadColumn(ref reader, codecs.Key, payload, count);
            for (int i = 0; i < count; i++)
            {
                entries[i].Key = Unsafe.As<TKey, TStored>(ref keys[i]);
            }
        }

        TSlot[] slots = TypedCodecs<TKey, TValue, TResult>.ReadColumn(ref reader, codecs.Slot<TSlot>(), payload, count);
        for (int i = 0; i < count; i++)
        {
            entries[i].Slot = slots[i];
        }

        TValue[]? values = null;
        int[]? valueStarts = null;
        if (keepsValues)
        {
            int total = reader.ReadCount();
            valueStarts = new int[count + 1];
            for (int i = 0; i < count; i++)
            {
                valueStarts[i + 1] = checked(valueStarts[i] + Unsafe.As<TSlot, int>(ref slots[i]));
            }

            if (valueStarts[count] != total)
            {
                throw new InvalidDataException("A map output's value counts do not add up to its values.");
            }

            values = TypedCodecs<TKey, TValue, TResult>.ReadColumn(ref reader, codecs.Value, payload, total);
        }

        if (!reader.End)
        {
            throw new InvalidDataException("A map output has bytes after its last column.");
        }

        return new Piece<TStored, TSlot, TValue>(entries, 0, count, values, valueStarts);
    }

    private delegate T Select<TStored, TSlot, T>(in Entry<TStored, TSlot> entry);

    private static T[] Column<TStored, TSlot, T>(ReadOnlySpan<Entry<TStored, TSlot>> entries, Select<TStored, TSlot, T> select)
    {
        var column = new T[entries.Length];
        for (int i = 0; i < column.Length; i++)
        {
            column[i] = select(entries[i]);
        }

        return column;
    }

    private static Utf8Key AsUtf8<TStored>(in TStored key) => Unsafe.As<TStored, Utf8Key>(ref Unsafe.AsRef(in key));

    private static TKey AsKey<TKey, TStored>(in TStored key) => Unsafe.As<TStored, TKey>(ref Unsafe.AsRef(in key));
}
