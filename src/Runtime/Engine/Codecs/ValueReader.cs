using System.Buffers.Binary;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;

namespace MapReduceGen.Engine;

/// <summary>Reads what a <see cref="ValueWriter"/> wrote, from a span; every read checks that the bytes are there.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct ValueReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    /// <summary>Creates a reader at the start of <paramref name="data"/>.</summary>
    /// <param name="data">The bytes.</param>
    public ValueReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>How many bytes were read.</summary>
    public readonly int Position => _position;

    /// <summary>How many bytes are left.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>Whether every byte was read.</summary>
    public readonly bool End => _position == _data.Length;

    /// <summary>Reads <paramref name="count"/> bytes as they are.</summary>
    /// <param name="count">How many.</param>
    /// <returns>The bytes (a slice of the input).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> ReadRaw(int count)
    {
        if ((uint)count > (uint)(_data.Length - _position))
        {
            ThrowTruncated();
        }

        ReadOnlySpan<byte> slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }

    /// <summary>Reads a byte.</summary>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ReadByte()
    {
        if (_position >= _data.Length)
        {
            ThrowTruncated();
        }

        return _data[_position++];
    }

    /// <summary>Reads a boolean.</summary>
    /// <returns>The value.</returns>
    public bool ReadBoolean() => ReadByte() switch
    {
        0 => false,
        1 => true,
        byte other => throw new InvalidDataException($"A boolean is stored as 0 or 1, not {other}."),
    };

    /// <summary>Reads a 16-bit integer.</summary>
    /// <returns>The value.</returns>
    public short ReadInt16() => BinaryPrimitives.ReadInt16LittleEndian(ReadRaw(2));

    /// <summary>Reads a 16-bit unsigned integer.</summary>
    /// <returns>The value.</returns>
    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(ReadRaw(2));

    /// <summary>Reads a 32-bit integer.</summary>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(ReadRaw(4));

    /// <summary>Reads a 32-bit unsigned integer.</summary>
    /// <returns>The value.</returns>
    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(ReadRaw(4));

    /// <summary>Reads a 64-bit integer.</summary>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(ReadRaw(8));

    /// <summary>Reads a 64-bit unsigned integer.</summary>
    /// <returns>The value.</returns>
    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(ReadRaw(8));

    /// <summary>Reads a 128-bit integer.</summary>
    /// <returns>The value.</returns>
    public Int128 ReadInt128() => (Int128)ReadUInt128();

    /// <summary>Reads a 128-bit unsigned integer.</summary>
    /// <returns>The value.</returns>
    public UInt128 ReadUInt128()
    {
        ulong low = ReadUInt64();
        ulong high = ReadUInt64();
        return new UInt128(high, low);
    }

    /// <summary>Reads a half-precision number.</summary>
    /// <returns>The value.</returns>
    public Half ReadHalf() => BitConverter.UInt16BitsToHalf(ReadUInt16());

    /// <summary>Reads a single-precision number.</summary>
    /// <returns>The value.</returns>
    public float ReadSingle() => BitConverter.UInt32BitsToSingle(ReadUInt32());

    /// <summary>Reads a double-precision number.</summary>
    /// <returns>The value.</returns>
    public double ReadDouble() => BitConverter.UInt64BitsToDouble(ReadUInt64());

    /// <summary>Reads a decimal.</summary>
    /// <returns>The value.</returns>
    public decimal ReadDecimal()
    {
        Span<int> bits = stackalloc int[4];
        for (int i = 0; i < 4; i++)
        {
            bits[i] = ReadInt32();
        }

        try
        {
            return new decimal(bits);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException("The bytes do not hold a decimal.", e);
        }
    }

    /// <summary>Reads a character.</summary>
    /// <returns>The value.</returns>
    public char ReadChar() => (char)ReadUInt16();

    /// <summary>Reads a <see cref="Guid"/>.</summary>
    /// <returns>The value.</returns>
    public Guid ReadGuid() => new(ReadRaw(16));

    /// <summary>Reads a <see cref="DateTime"/>.</summary>
    /// <returns>The value.</returns>
    public DateTime ReadDateTime()
    {
        long data = ReadInt64();
        try
        {
            return DateTime.FromBinary(data);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException("The bytes do not hold a DateTime.", e);
        }
    }

    /// <summary>Reads a <see cref="DateTimeOffset"/>.</summary>
    /// <returns>The value.</returns>
    public DateTimeOffset ReadDateTimeOffset()
    {
        long ticks = ReadInt64();
        long offset = ReadInt64();
        try
        {
            return new DateTimeOffset(ticks, new TimeSpan(offset));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException("The bytes do not hold a DateTimeOffset.", e);
        }
    }

    /// <summary>Reads a <see cref="TimeSpan"/>.</summary>
    /// <returns>The value.</returns>
    public TimeSpan ReadTimeSpan() => new(ReadInt64());

    /// <summary>Reads a <see cref="DateOnly"/>.</summary>
    /// <returns>The value.</returns>
    public DateOnly ReadDateOnly()
    {
        int day = ReadInt32();
        return (uint)day <= (uint)DateOnly.MaxValue.DayNumber
            ? DateOnly.FromDayNumber(day)
            : throw new InvalidDataException($"{day} is not a DateOnly day number.");
    }

    /// <summary>Reads a <see cref="TimeOnly"/>.</summary>
    /// <returns>The value.</returns>
    public TimeOnly ReadTimeOnly()
    {
        long ticks = ReadInt64();
        return (ulong)ticks <= (ulong)TimeOnly.MaxValue.Ticks
            ? new TimeOnly(ticks)
            : throw new InvalidDataException($"{ticks} is not a TimeOnly tick count.");
    }

    /// <summary>Reads a count written by <see cref="ValueWriter.WriteVarUInt32"/>.</summary>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ReadVarUInt32()
    {
        uint result = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            byte b = ReadByte();
            result |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new InvalidDataException("A count is longer than 5 bytes.");
    }

    /// <summary>Reads a count written by <see cref="ValueWriter.WriteVarUInt64"/>.</summary>
    /// <returns>The value.</returns>
    public ulong ReadVarUInt64()
    {
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new InvalidDataException("A count is longer than 10 bytes.");
    }

    /// <summary>Reads a string written by <see cref="ValueWriter.WriteString"/>.</summary>
    /// <returns>The string, or <see langword="null"/>.</returns>
    public string? ReadString()
    {
        uint length = ReadVarUInt32();
        return length == 0 ? null : Encoding.UTF8.GetString(ReadRaw(checked((int)(length - 1))));
    }

    /// <summary>Reads UTF-8 bytes written by <see cref="ValueWriter.WriteUtf8"/> (a slice of the input, not copied).</summary>
    /// <returns>The bytes.</returns>
    /// <exception cref="InvalidDataException">A <see langword="null"/> string is stored there.</exception>
    public ReadOnlySpan<byte> ReadUtf8()
    {
        uint length = ReadVarUInt32();
        return length == 0
            ? throw new InvalidDataException("A null string is stored where a string was expected.")
            : ReadRaw(checked((int)(length - 1)));
    }

    /// <summary>Reads a presence flag written by <see cref="ValueWriter.WritePresence"/>.</summary>
    /// <returns>Whether the value follows.</returns>
    public bool ReadPresence() => ReadBoolean();

    /// <summary>Reads a count of items (at most the largest array length).</summary>
    /// <returns>The count.</returns>
    public int ReadCount()
    {
        uint count = ReadVarUInt32();
        return count <= (uint)Array.MaxLength
            ? (int)count
            : throw new InvalidDataException($"A count of {count} items is more than an array can hold.");
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowTruncated() => throw new InvalidDataException("The bytes end in the middle of a value.");
}
