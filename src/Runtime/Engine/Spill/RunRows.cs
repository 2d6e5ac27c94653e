using System.Runtime.CompilerServices;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Spill;

/// <summary>
/// One row of a sorted run on disk: its length, then the key's stable hash, the key (string keys as their UTF-8 bytes,
/// other keys by their codec), the slot (a combined value or a value count, by its codec), and for jobs that keep every
/// value, the key's values. The length comes first so a reader knows whether a whole row is in its buffer.
/// </summary>
internal static class RunRows
{
    public static void Write<TKey, TStored, TSlot, TValue, TResult>(
        ValueWriter output, ValueWriter row, in Entry<TStored, TSlot> entry, ReadOnlySpan<TValue> values, TypedCodecs<TKey, TValue, TResult> codecs,
        ValueCodec<TSlot> slotCodec)
    {
        row.Clear();
        row.WriteInt32(entry.Hash);
        if (typeof(TStored) == typeof(Utf8Key))
        {
            row.WriteUtf8(Unsafe.As<TStored, Utf8Key>(ref Unsafe.AsRef(in entry.Key)).Span);
        }
        else
        {
            codecs.Key!.Write(row, Unsafe.As<TStored, TKey>(ref Unsafe.AsRef(in entry.Key)));
        }

        slotCodec.Write(row, entry.Slot);
        foreach (TValue value in values)
        {
            codecs.Value!.Write(row, value);
        }

        output.WriteVarUInt32((uint)row.Length);
        output.WriteRaw(row.WrittenSpan);
    }

    /// <summary>
    /// Reads one row's fields from <paramref name="reader"/> (positioned after the row's length); a string key points
    /// into <paramref name="buffer"/>, at <paramref name="bufferOffset"/> plus the reader's position.
    /// </summary>
    public static void Read<TKey, TStored, TSlot, TValue, TResult>(
        ref ValueReader reader, byte[] buffer, int bufferOffset, ref Entry<TStored, TSlot> entry, List<TValue>? values,
        TypedCodecs<TKey, TValue, TResult> codecs, ValueCodec<TSlot> slotCodec)
    {
        entry.Hash = reader.ReadInt32();
        if (typeof(TStored) == typeof(Utf8Key))
        {
            ReadOnlySpan<byte> bytes = reader.ReadUtf8();
            var key = new Utf8Key(buffer, bufferOffset + reader.Position - bytes.Length, bytes.Length);
            entry.Key = Unsafe.As<Utf8Key, TStored>(ref key);
        }
        else
        {
            TKey key = codecs.Key!.Read(ref reader);
            entry.Key = Unsafe.As<TKey, TStored>(ref key);
        }

        entry.Slot = slotCodec.Read(ref reader);
        if (values is not null)
        {
            int count = Unsafe.As<TSlot, int>(ref entry.Slot);
            for (int i = 0; i < count; i++)
            {
                values.Add(codecs.Value!.Read(ref reader));
            }
        }
    }
}
