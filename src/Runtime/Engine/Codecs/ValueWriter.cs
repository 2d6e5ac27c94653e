using System.Buffers.Binary;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;

namespace MapReduceGen.Engine;

/// <summary>
/// A growable byte buffer that <see cref="ValueCodec{T}"/> values are written to: fixed-size little-endian numbers,
/// variable-length counts, and strings as length-prefixed UTF-8. What it writes, <see cref="ValueReader"/> reads.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ValueWriter
{
    private byte[] _buffer;
    private int _length;

    /// <summary>Creates a writer.</summary>
    /// <param name="capacity">The initial buffer size.</param>
    public ValueWriter(int capacity = 256)
    {
        _buffer = new byte[Math.Max(16, capacity)];
    }

    /// <summary>The number of bytes written.</summary>
    public int Length => _length;

    /// <summary>The bytes written.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>The bytes written, as memory over the writer's buffer (valid until the next write or <see cref="Clear"/>).</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    /// <summary>Forgets what was written (keeps the buffer).</summary>
    public void Clear() => _length = 0;

    /// <summary>A copy of the bytes written.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToArray() => WrittenSpan.ToArray();

    /// <summary>Room for at least <paramref name="size"/> bytes at the end; <see cref="Advance"/> says how many were used.</summary>
    /// <param name="size">The bytes needed.</param>
    /// <returns>The room.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> GetSpan(int size)
    {
        if (_buffer.Length - _length < size)
        {
            Grow(size);
        }

        return _buffer.AsSpan(_length);
    }

    /// <summary>Marks <paramref name="count"/> bytes of the last <see cref="GetSpan"/> as written.</summary>
    /// <param name="count">The bytes used.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Advance(int count) => _length += count;

    /// <summary>Writes bytes as they are (no length).</summary>
    /// <param name="bytes">The bytes.</param>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        _length += bytes.Length;
    }

    /// <summary>Writes a byte.</summary>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteByte(byte value)
    {
        GetSpan(1)[0] = value;
        _length++;
    }

    /// <summary>Writes a boolean as one byte.</summary>
    /// <param name="value">The value.</param>
    public void WriteBoolean(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    /// <summary>Writes a 16-bit integer.</summary>
    /// <param name="value">The value.</param>
    public void WriteInt16(short value)
    {
        BinaryPrimitives.WriteInt16LittleEndian(GetSpan(2), value);
        _length += 2;
    }

    /// <summary>Writes a 16-bit unsigned integer.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(GetSpan(2), value);
        _length += 2;
    }

    /// <summary>Writes a 32-bit integer.</summary>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(GetSpan(4), value);
        _length += 4;
    }

    /// <summary>Writes a 32-bit unsigned integer.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(GetSpan(4), value);
        _length += 4;
    }

    /// <summary>Writes a 64-bit integer.</summary>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(GetSpan(8), value);
        _length += 8;
    }

    /// <summary>Writes a 64-bit unsigned integer.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(GetSpan(8), value);
        _length += 8;
    }

    /// <summary>Writes a 128-bit integer.</summary>
    /// <param name="value">The value.</param>
    public void WriteInt128(Int128 value) => WriteUInt128((UInt128)value);

    /// <summary>Writes a 128-bit unsigned integer.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt128(UInt128 value)
    {
        WriteUInt64((ulong)value);
        WriteUInt64((ulong)(value >> 64));
    }

    /// <summary>Writes a half-precision number (its bits).</summary>
    /// <param name="value">The value.</param>
    public void WriteHalf(Half value) => WriteUInt16(BitConverter.HalfToUInt16Bits(value));

    /// <summary>Writes a single-precision number (its bits).</summary>
    /// <param name="value">The value.</param>
    public void WriteSingle(float value) => WriteUInt32(BitConverter.SingleToUInt32Bits(value));

    /// <summary>Writes a double-precision number (its bits).</summary>
    /// <param name="value">The value.</param>
    public void WriteDouble(double value) => WriteUInt64(BitConverter.DoubleToUInt64Bits(value));

    /// <summary>Writes a decimal (its four 32-bit parts, so scale is kept: 1.0m and 1.00m stay apart).</summary>
    /// <param name="value">The value.</param>
    public void WriteDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        for (int i = 0; i < 4; i++)
        {
            WriteInt32(bits[i]);
        }
    }

    /// <summary>Writes a character (its UTF-16 code unit).</summary>
    /// <param name="value">The value.</param>
    public void WriteChar(char value) => WriteUInt16(value);

    /// <summary>Writes a <see cref="Guid"/>.</summary>
    /// <param name="value">The value.</param>
    public void WriteGuid(Guid value)
    {
        value.TryWriteBytes(GetSpan(16));
        _length += 16;
    }

    /// <summary>Writes a <see cref="DateTime"/> (its ticks and kind).</summary>
    /// <param name="value">The value.</param>
    public void WriteDateTime(DateTime value) => WriteInt64(value.ToBinary());

    /// <summary>Writes a <see cref="DateTimeOffset"/> (its ticks and offset).</summary>
    /// <param name="value">The value.</param>
    public void WriteDateTimeOffset(DateTimeOffset value)
    {
        WriteInt64(value.Ticks);
        WriteInt64(value.Offset.Ticks);
    }

    /// <summary>Writes a <see cref="TimeSpan"/> (its ticks).</summary>
    /// <param name="value">The value.</param>
    public void WriteTimeSpan(TimeSpan value) => WriteInt64(value.Ticks);

    /// <summary>Writes a <see cref="DateOnly"/> (its day number).</summary>
    /// <param name="value">The value.</param>
    public void WriteDateOnly(DateOnly value) => WriteInt32(value.DayNumber);

    /// <summary>Writes a <see cref="TimeOnly"/> (its ticks).</summary>
    /// <param name="value">The value.</param>
    public void WriteTimeOnly(TimeOnly value) => WriteInt64(value.Ticks);

    /// <summary>Writes an unsigned count in 1 to 5 bytes (7 bits a byte, low bits first).</summary>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteVarUInt32(uint value)
    {
        Span<byte> span = GetSpan(5);
        int i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _length += i;
    }

    /// <summary>Writes an unsigned count in 1 to 10 bytes (7 bits a byte, low bits first).</summary>
    /// <param name="value">The value.</param>
    public void WriteVarUInt64(ulong value)
    {
        Span<byte> span = GetSpan(10);
        int i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _length += i;
    }

    /// <summary>Writes a string as its UTF-8 bytes after their length (plus one; 0 is <see langword="null"/>).</summary>
    /// <param name="value">The string, or <see langword="null"/>.</param>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteByte(0);
            return;
        }

        int bytes = Encoding.UTF8.GetByteCount(value);
        WriteVarUInt32((uint)bytes + 1);
        _length += Encoding.UTF8.GetBytes(value, GetSpan(bytes));
    }

    /// <summary>Writes UTF-8 bytes after their length (plus one), as <see cref="WriteString"/> writes a string.</summary>
    /// <param name="utf8">The bytes.</param>
    public void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        WriteVarUInt32((uint)utf8.Length + 1);
        WriteRaw(utf8);
    }

    /// <summary>Writes whether a value is present (a count of 0 or 1 for <see langword="null"/> and not).</summary>
    /// <param name="present">Whether the value follows.</param>
    public void WritePresence(bool present) => WriteByte(present ? (byte)1 : (byte)0);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int size)
    {
        long wanted = Math.Max((long)_buffer.Length * 2, (long)_length + size);
        if (wanted > Array.MaxLength)
        {
            wanted = (long)_length + size <= Array.MaxLength
                ? Array.MaxLength
                : throw new InvalidOperationException($"A value of more than {Array.MaxLength:N0} bytes cannot be written.");
        }

        Array.Resize(ref _buffer, (int)wanted);
    }
}
