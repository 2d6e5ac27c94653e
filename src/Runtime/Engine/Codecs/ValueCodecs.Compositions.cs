using System.Runtime.CompilerServices;
using System.Text.Json;

namespace MapReduceGen.Engine;

public static partial class ValueCodecs
{
    /// <summary>A nullable value: a presence byte, then the value.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value's codec.</param>
    /// <returns>The codec.</returns>
    public static ValueCodec<T?> Nullable<T>(ValueCodec<T> value)
        where T : struct =>
        new NullableCodec<T>(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A reference that may be <see langword="null"/>: a presence byte, then the value.</summary>
    /// <typeparam name="T">The reference type.</typeparam>
    /// <param name="value">The codec of the (non-null) value.</param>
    /// <returns>The codec.</returns>
    public static ValueCodec<T?> OrNull<T>(ValueCodec<T> value)
        where T : class =>
        new OrNullCodec<T>(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>An array (<see langword="null"/> allowed): its length, then its items.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="item">The items' codec.</param>
    /// <returns>The codec.</returns>
    public static ValueCodec<T[]?> Array<T>(ValueCodec<T> item) =>
        new ArrayCodec<T>(item ?? throw new ArgumentNullException(nameof(item)));

    /// <summary>A list (<see langword="null"/> allowed): its count, then its items.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="item">The items' codec.</param>
    /// <returns>The codec.</returns>
    public static ValueCodec<List<T>?> List<T>(ValueCodec<T> item) =>
        new ListCodec<T>(item ?? throw new ArgumentNullException(nameof(item)));

    /// <summary>
    /// A dictionary (<see langword="null"/> allowed): its count, then its keys and values; read back with the default
    /// equality of its keys. As JSON, an object when the keys are strings, else an array of <c>[key, value]</c> pairs.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="key">The keys' codec.</param>
    /// <param name="value">The values' codec.</param>
    /// <returns>The codec.</returns>
    public static ValueCodec<Dictionary<TKey, TValue>?> Dictionary<TKey, TValue>(ValueCodec<TKey> key, ValueCodec<TValue> value)
        where TKey : notnull =>
        new DictionaryCodec<TKey, TValue>(key ?? throw new ArgumentNullException(nameof(key)), value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>An enum, as its underlying integer (in JSON too, as .NET's JSON serializer writes enums by default).</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <returns>The codec.</returns>
    public static ValueCodec<TEnum> Enum<TEnum>()
        where TEnum : struct, System.Enum =>
        new EnumCodec<TEnum>();

    private sealed class NullableCodec<T>(ValueCodec<T> value) : ValueCodec<T?>
        where T : struct
    {
        public override void Write(ValueWriter writer, T? item)
        {
            writer.WritePresence(item.HasValue);
            if (item is { } present)
            {
                value.Write(writer, present);
            }
        }

        public override T? Read(ref ValueReader reader) => reader.ReadPresence() ? value.Read(ref reader) : null;

        public override void WriteJson(Utf8JsonWriter writer, T? item)
        {
            if (item is { } present)
            {
                value.WriteJson(writer, present);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    private sealed class OrNullCodec<T>(ValueCodec<T> value) : ValueCodec<T?>
        where T : class
    {
        public override void Write(ValueWriter writer, T? item)
        {
            writer.WritePresence(item is not null);
            if (item is not null)
            {
                value.Write(writer, item);
            }
        }

        public override T? Read(ref ValueReader reader) => reader.ReadPresence() ? value.Read(ref reader) : null;

        public override void WriteJson(Utf8JsonWriter writer, T? item)
        {
            if (item is not null)
            {
                value.WriteJson(writer, item);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    private sealed class ArrayCodec<T>(ValueCodec<T> item) : ValueCodec<T[]?>
    {
        public override void Write(ValueWriter writer, T[]? value)
        {
            if (value is null)
            {
                writer.WriteByte(0);
                return;
            }

            writer.WriteVarUInt32((uint)value.Length + 1);
            foreach (T element in value)
            {
                item.Write(writer, element);
            }
        }

        public override T[]? Read(ref ValueReader reader)
        {
            int count = reader.ReadCount();
            if (count == 0)
            {
                return null;
            }

            var array = new T[count - 1];
            for (int i = 0; i < array.Length; i++)
            {
                array[i] = item.Read(ref reader);
            }

            return array;
        }

        public override void WriteJson(Utf8JsonWriter writer, T[]? value)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return;
            }

            writer.WriteStartArray();
            foreach (T element in value)
            {
                item.WriteJson(writer, element);
            }

            writer.WriteEndArray();
        }
    }

    private sealed class ListCodec<T>(ValueCodec<T> item) : ValueCodec<List<T>?>
    {
        public override void Write(ValueWriter writer, List<T>? value)
        {
            if (value is null)
            {
                writer.WriteByte(0);
                return;
            }

            writer.WriteVarUInt32((uint)value.Count + 1);
            foreach (T element in value)
            {
                item.Write(writer, element);
            }
        }

        public override List<T>? Read(ref ValueReader reader)
        {
            int count = reader.ReadCount();
            if (count == 0)
            {
                return null;
            }

            var list = new List<T>(Math.Min(count - 1, reader.Remaining));
            for (int i = 1; i < count; i++)
            {
                list.Add(item.Read(ref reader));
            }

            return list;
        }

        public override void WriteJson(Utf8JsonWriter writer, List<T>? value)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return;
            }

            writer.WriteStartArray();
            foreach (T element in value)
            {
                item.WriteJson(writer, element);
            }

            writer.WriteEndArray();
        }
    }

    private sealed class DictionaryCodec<TKey, TValue>(ValueCodec<TKey> key, ValueCodec<TValue> value) : ValueCodec<Dictionary<TKey, TValue>?>
        where TKey : notnull
    {
        public override void Write(ValueWriter writer, Dictionary<TKey, TValue>? dictionary)
        {
            if (dictionary is null)
            {
                writer.WriteByte(0);
                return;
            }

            writer.WriteVarUInt32((uint)dictionary.Count + 1);
            foreach (KeyValuePair<TKey, TValue> pair in dictionary)
            {
                key.Write(writer, pair.Key);
                value.Write(writer, pair.Value);
            }
        }

        public override Dictionary<TKey, TValue>? Read(ref ValueReader reader)
        {
            int count = reader.ReadCount();
            if (count == 0)
            {
                return null;
            }

            var dictionary = new Dictionary<TKey, TValue>(Math.Min(count - 1, reader.Remaining));
            for (int i = 1; i < count; i++)
            {
                TKey k = key.Read(ref reader);
                if (!dictionary.TryAdd(k, value.Read(ref reader)))
                {
                    throw new InvalidDataException($"A dictionary holds the key '{k}' twice.");
                }
            }

            return dictionary;
        }

        public override void WriteJson(Utf8JsonWriter writer, Dictionary<TKey, TValue>? dictionary)
        {
            if (dictionary is null)
            {
                writer.WriteNullValue();
                return;
            }

            if (typeof(TKey) == typeof(string))
            {
                writer.WriteStartObject();
                foreach (KeyValuePair<TKey, TValue> pair in dictionary)
                {
                    writer.WritePropertyName((string)(object)pair.Key);
                    value.WriteJson(writer, pair.Value);
                }

                writer.WriteEndObject();
                return;
            }

            writer.WriteStartArray();
            foreach (KeyValuePair<TKey, TValue> pair in dictionary)
            {
                writer.WriteStartArray();
                key.WriteJson(writer, pair.Key);
                value.WriteJson(writer, pair.Value);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }
    }

    private sealed class EnumCodec<TEnum> : ValueCodec<TEnum>
        where TEnum : struct, System.Enum
    {
        public override void Write(ValueWriter writer, TEnum value)
        {
            switch (Unsafe.SizeOf<TEnum>())
            {
                case 1: writer.WriteByte(Unsafe.As<TEnum, byte>(ref value)); break;
                case 2: writer.WriteUInt16(Unsafe.As<TEnum, ushort>(ref value)); break;
                case 4: writer.WriteUInt32(Unsafe.As<TEnum, uint>(ref value)); break;
                default: writer.WriteUInt64(Unsafe.As<TEnum, ulong>(ref value)); break;
            }
        }

        public override TEnum Read(ref ValueReader reader)
        {
            switch (Unsafe.SizeOf<TEnum>())
            {
                case 1: { byte raw = reader.ReadByte(); return Unsafe.As<byte, TEnum>(ref raw); }
                case 2: { ushort raw = reader.ReadUInt16(); return Unsafe.As<ushort, TEnum>(ref raw); }
                case 4: { uint raw = reader.ReadUInt32(); return Unsafe.As<uint, TEnum>(ref raw); }
                default: { ulong raw = reader.ReadUInt64(); return Unsafe.As<ulong, TEnum>(ref raw); }
            }
        }

        public override void WriteJson(Utf8JsonWriter writer, TEnum value)
        {
            // Signed underlying types keep their sign.
            switch (System.Type.GetTypeCode(typeof(TEnum)))
            {
                case TypeCode.SByte: writer.WriteNumberValue(Unsafe.As<TEnum, sbyte>(ref value)); break;
                case TypeCode.Byte: writer.WriteNumberValue(Unsafe.As<TEnum, byte>(ref value)); break;
                case TypeCode.Int16: writer.WriteNumberValue(Unsafe.As<TEnum, short>(ref value)); break;
                case TypeCode.UInt16: writer.WriteNumberValue(Unsafe.As<TEnum, ushort>(ref value)); break;
                case TypeCode.Int32: writer.WriteNumberValue(Unsafe.As<TEnum, int>(ref value)); break;
                case TypeCode.UInt32: writer.WriteNumberValue(Unsafe.As<TEnum, uint>(ref value)); break;
                case TypeCode.Int64: writer.WriteNumberValue(Unsafe.As<TEnum, long>(ref value)); break;
                default: writer.WriteNumberValue(Unsafe.As<TEnum, ulong>(ref value)); break;
            }
        }
    }
}
