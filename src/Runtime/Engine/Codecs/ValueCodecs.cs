using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace MapReduceGen.Engine;

/// <summary>
/// The codecs of the types the engine knows (numbers, text, dates, identifiers, byte arrays) and the compositions
/// generated codecs are built from (nullable values, arrays, lists, dictionaries, enums). Each built-in codec is one
/// shared instance.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Each built-in codec is named after its type.")]
public static partial class ValueCodecs
{
    /// <summary>The codec of <c>bool</c>.</summary>
    public static ValueCodec<bool> Boolean => BooleanCodec.Instance;

    /// <summary>The codec of <c>byte</c>.</summary>
    public static ValueCodec<byte> Byte => ByteCodec.Instance;

    /// <summary>The codec of <c>sbyte</c>.</summary>
    public static ValueCodec<sbyte> SByte => SByteCodec.Instance;

    /// <summary>The codec of <c>short</c>.</summary>
    public static ValueCodec<short> Int16 => Int16Codec.Instance;

    /// <summary>The codec of <c>ushort</c>.</summary>
    public static ValueCodec<ushort> UInt16 => UInt16Codec.Instance;

    /// <summary>The codec of <c>int</c>.</summary>
    public static ValueCodec<int> Int32 => Int32Codec.Instance;

    /// <summary>The codec of <c>uint</c>.</summary>
    public static ValueCodec<uint> UInt32 => UInt32Codec.Instance;

    /// <summary>The codec of <c>long</c>.</summary>
    public static ValueCodec<long> Int64 => Int64Codec.Instance;

    /// <summary>The codec of <c>ulong</c>.</summary>
    public static ValueCodec<ulong> UInt64 => UInt64Codec.Instance;

    /// <summary>The codec of <c>Int128</c>.</summary>
    public static ValueCodec<Int128> Int128 => Int128Codec.Instance;

    /// <summary>The codec of <c>UInt128</c>.</summary>
    public static ValueCodec<UInt128> UInt128 => UInt128Codec.Instance;

    /// <summary>The codec of <c>Half</c>.</summary>
    public static ValueCodec<Half> Half => HalfCodec.Instance;

    /// <summary>The codec of <c>float</c>.</summary>
    public static ValueCodec<float> Single => SingleCodec.Instance;

    /// <summary>The codec of <c>double</c>.</summary>
    public static ValueCodec<double> Double => DoubleCodec.Instance;

    /// <summary>The codec of <c>decimal</c>.</summary>
    public static ValueCodec<decimal> Decimal => DecimalCodec.Instance;

    /// <summary>The codec of <c>char</c>.</summary>
    public static ValueCodec<char> Char => CharCodec.Instance;

    /// <summary>The codec of <c>Guid</c>.</summary>
    public static ValueCodec<Guid> Guid => GuidCodec.Instance;

    /// <summary>The codec of <c>DateTime</c>.</summary>
    public static ValueCodec<DateTime> DateTime => DateTimeCodec.Instance;

    /// <summary>The codec of <c>DateTimeOffset</c>.</summary>
    public static ValueCodec<DateTimeOffset> DateTimeOffset => DateTimeOffsetCodec.Instance;

    /// <summary>The codec of <c>TimeSpan</c>.</summary>
    public static ValueCodec<TimeSpan> TimeSpan => TimeSpanCodec.Instance;

    /// <summary>The codec of <c>DateOnly</c>.</summary>
    public static ValueCodec<DateOnly> DateOnly => DateOnlyCodec.Instance;

    /// <summary>The codec of <c>TimeOnly</c>.</summary>
    public static ValueCodec<TimeOnly> TimeOnly => TimeOnlyCodec.Instance;

    /// <summary>The codec of <c>string</c>.</summary>
    public static ValueCodec<string?> String => StringCodec.Instance;

    /// <summary>The codec of <c>byte[]</c>.</summary>
    public static ValueCodec<byte[]?> Bytes => BytesCodec.Instance;

    private static void WriteFloating(Utf8JsonWriter writer, double value)
    {
        // JSON has no NaN or infinities: they are written as the strings .NET's own JSON writer would use for them.
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void WriteString(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static void WriteBytes(ValueWriter writer, byte[]? value)
    {
        if (value is null)
        {
            writer.WriteByte(0);
            return;
        }

        writer.WriteVarUInt32((uint)value.Length + 1);
        writer.WriteRaw(value);
    }

    private static byte[]? ReadBytes(ref ValueReader reader)
    {
        uint length = reader.ReadVarUInt32();
        return length == 0 ? null : reader.ReadRaw(checked((int)(length - 1))).ToArray();
    }

    private static void WriteBytes(Utf8JsonWriter writer, byte[]? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteBase64StringValue(value);
        }
    }

    private sealed class BooleanCodec : ValueCodec<bool>
    {
        public static readonly BooleanCodec Instance = new();

        public override void Write(ValueWriter writer, bool value) => writer.WriteBoolean(value);

        public override bool Read(ref ValueReader reader) => reader.ReadBoolean();

        public override void WriteJson(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);
    }

    private sealed class ByteCodec : ValueCodec<byte>
    {
        public static readonly ByteCodec Instance = new();

        public override void Write(ValueWriter writer, byte value) => writer.WriteByte(value);

        public override byte Read(ref ValueReader reader) => reader.ReadByte();

        public override void WriteJson(Utf8JsonWriter writer, byte value) => writer.WriteNumberValue(value);
    }

    private sealed class SByteCodec : ValueCodec<sbyte>
    {
        public static readonly SByteCodec Instance = new();

        public override void Write(ValueWriter writer, sbyte value) => writer.WriteByte((byte)value);

        public override sbyte Read(ref ValueReader reader) => (sbyte)reader.ReadByte();

        public override void WriteJson(Utf8JsonWriter writer, sbyte value) => writer.WriteNumberValue(value);
    }

    private sealed class Int16Codec : ValueCodec<short>
    {
        public static readonly Int16Codec Instance = new();

        public override void Write(ValueWriter writer, short value) => writer.WriteInt16(value);

        public override short Read(ref ValueReader reader) => reader.ReadInt16();

        public override void WriteJson(Utf8JsonWriter writer, short value) => writer.WriteNumberValue(value);
    }

    private sealed class UInt16Codec : ValueCodec<ushort>
    {
        public static readonly UInt16Codec Instance = new();

        public override void Write(ValueWriter writer, ushort value) => writer.WriteUInt16(value);

        public override ushort Read(ref ValueReader reader) => reader.ReadUInt16();

        public override void WriteJson(Utf8JsonWriter writer, ushort value) => writer.WriteNumberValue(value);
    }

    private sealed class Int32Codec : ValueCodec<int>
    {
        public static readonly Int32Codec Instance = new();

        public override void Write(ValueWriter writer, int value) => writer.WriteInt32(value);

        public override int Read(ref ValueReader reader) => reader.ReadInt32();

        public override void WriteJson(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);
    }

    private sealed class UInt32Codec : ValueCodec<uint>
    {
        public static readonly UInt32Codec Instance = new();

        public override void Write(ValueWriter writer, uint value) => writer.WriteUInt32(value);

        public override uint Read(ref ValueReader reader) => reader.ReadUInt32();

        public override void WriteJson(Utf8JsonWriter writer, uint value) => writer.WriteNumberValue(value);
    }

    private sealed class Int64Codec : ValueCodec<long>
    {
        public static readonly Int64Codec Instance = new();

        public override void Write(ValueWriter writer, long value) => writer.WriteInt64(value);

        public override long Read(ref ValueReader reader) => reader.ReadInt64();

        public override void WriteJson(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);
    }

    private sealed class UInt64Codec : ValueCodec<ulong>
    {
        public static readonly UInt64Codec Instance = new();

        public override void Write(ValueWriter writer, ulong value) => writer.WriteUInt64(value);

        public override ulong Read(ref ValueReader reader) => reader.ReadUInt64();

        public override void WriteJson(Utf8JsonWriter writer, ulong value) => writer.WriteNumberValue(value);
    }

    private sealed class Int128Codec : ValueCodec<Int128>
    {
        public static readonly Int128Codec Instance = new();

        public override void Write(ValueWriter writer, Int128 value) => writer.WriteInt128(value);

        public override Int128 Read(ref ValueReader reader) => reader.ReadInt128();

        public override void WriteJson(Utf8JsonWriter writer, Int128 value) => writer.WriteRawValue(value.ToString(CultureInfo.InvariantCulture));
    }

    private sealed class UInt128Codec : ValueCodec<UInt128>
    {
        public static readonly UInt128Codec Instance = new();

        public override void Write(ValueWriter writer, UInt128 value) => writer.WriteUInt128(value);

        public override UInt128 Read(ref ValueReader reader) => reader.ReadUInt128();

        public override void WriteJson(Utf8JsonWriter writer, UInt128 value) => writer.WriteRawValue(value.ToString(CultureInfo.InvariantCulture));
    }

    private sealed class HalfCodec : ValueCodec<Half>
    {
        public static readonly HalfCodec Instance = new();

        public override void Write(ValueWriter writer, Half value) => writer.WriteHalf(value);

        public override Half Read(ref ValueReader reader) => reader.ReadHalf();

        public override void WriteJson(Utf8JsonWriter writer, Half value) => WriteFloating(writer, (double)value);
    }

    private sealed class SingleCodec : ValueCodec<float>
    {
        public static readonly SingleCodec Instance = new();

        public override void Write(ValueWriter writer, float value) => writer.WriteSingle(value);

        public override float Read(ref ValueReader reader) => reader.ReadSingle();

        public override void WriteJson(Utf8JsonWriter writer, float value) => WriteFloating(writer, value);
    }

    private sealed class DoubleCodec : ValueCodec<double>
    {
        public static readonly DoubleCodec Instance = new();

        public override void Write(ValueWriter writer, double value) => writer.WriteDouble(value);

        public override double Read(ref ValueReader reader) => reader.ReadDouble();

        public override void WriteJson(Utf8JsonWriter writer, double value) => WriteFloating(writer, value);
    }

    private sealed class DecimalCodec : ValueCodec<decimal>
    {
        public static readonly DecimalCodec Instance = new();

        public override void Write(ValueWriter writer, decimal value) => writer.WriteDecimal(value);

        public override decimal Read(ref ValueReader reader) => reader.ReadDecimal();

        public override void WriteJson(Utf8JsonWriter writer, decimal value) => writer.WriteNumberValue(value);
    }

    private sealed class CharCodec : ValueCodec<char>
    {
        public static readonly CharCodec Instance = new();

        public override void Write(ValueWriter writer, char value) => writer.WriteChar(value);

        public override char Read(ref ValueReader reader) => reader.ReadChar();

        public override void WriteJson(Utf8JsonWriter writer, char value) => writer.WriteStringValue([value]);
    }

    private sealed class GuidCodec : ValueCodec<Guid>
    {
        public static readonly GuidCodec Instance = new();

        public override void Write(ValueWriter writer, Guid value) => writer.WriteGuid(value);

        public override Guid Read(ref ValueReader reader) => reader.ReadGuid();

        public override void WriteJson(Utf8JsonWriter writer, Guid value) => writer.WriteStringValue(value);
    }

    private sealed class DateTimeCodec : ValueCodec<DateTime>
    {
        public static readonly DateTimeCodec Instance = new();

        public override void Write(ValueWriter writer, DateTime value) => writer.WriteDateTime(value);

        public override DateTime Read(ref ValueReader reader) => reader.ReadDateTime();

        public override void WriteJson(Utf8JsonWriter writer, DateTime value) => writer.WriteStringValue(value);
    }

    private sealed class DateTimeOffsetCodec : ValueCodec<DateTimeOffset>
    {
        public static readonly DateTimeOffsetCodec Instance = new();

        public override void Write(ValueWriter writer, DateTimeOffset value) => writer.WriteDateTimeOffset(value);

        public override DateTimeOffset Read(ref ValueReader reader) => reader.ReadDateTimeOffset();

        public override void WriteJson(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteStringValue(value);
    }

    private sealed class TimeSpanCodec : ValueCodec<TimeSpan>
    {
        public static readonly TimeSpanCodec Instance = new();

        public override void Write(ValueWriter writer, TimeSpan value) => writer.WriteTimeSpan(value);

        public override TimeSpan Read(ref ValueReader reader) => reader.ReadTimeSpan();

        public override void WriteJson(Utf8JsonWriter writer, TimeSpan value) => writer.WriteStringValue(value.ToString("c", CultureInfo.InvariantCulture));
    }

    private sealed class DateOnlyCodec : ValueCodec<DateOnly>
    {
        public static readonly DateOnlyCodec Instance = new();

        public override void Write(ValueWriter writer, DateOnly value) => writer.WriteDateOnly(value);

        public override DateOnly Read(ref ValueReader reader) => reader.ReadDateOnly();

        public override void WriteJson(Utf8JsonWriter writer, DateOnly value) => writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private sealed class TimeOnlyCodec : ValueCodec<TimeOnly>
    {
        public static readonly TimeOnlyCodec Instance = new();

        public override void Write(ValueWriter writer, TimeOnly value) => writer.WriteTimeOnly(value);

        public override TimeOnly Read(ref ValueReader reader) => reader.ReadTimeOnly();

        public override void WriteJson(Utf8JsonWriter writer, TimeOnly value) => writer.WriteStringValue(value.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
    }

    private sealed class StringCodec : ValueCodec<string?>
    {
        public static readonly StringCodec Instance = new();

        public override void Write(ValueWriter writer, string? value) => writer.WriteString(value);

        public override string? Read(ref ValueReader reader) => reader.ReadString();

        public override void WriteJson(Utf8JsonWriter writer, string? value) => WriteString(writer, value);
    }

    private sealed class BytesCodec : ValueCodec<byte[]?>
    {
        public static readonly BytesCodec Instance = new();

        public override void Write(ValueWriter writer, byte[]? value) => WriteBytes(writer, value);

        public override byte[]? Read(ref ValueReader reader) => ReadBytes(ref reader);

        public override void WriteJson(Utf8JsonWriter writer, byte[]? value) => WriteBytes(writer, value);
    }
}
