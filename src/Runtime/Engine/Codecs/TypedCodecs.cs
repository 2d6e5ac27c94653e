namespace MapReduceGen.Engine;

/// <summary>
/// The codecs a job's data is written with: each type's generated codec (<see cref="JobCodecs{TKey, TValue, TResult}"/>)
/// or built-in one, and where a type has neither, the backend's payload codec for whole arrays of it. One instance per
/// definition; spill files and the cluster's shuffle both write through it.
/// </summary>
internal sealed class TypedCodecs<TKey, TValue, TResult>(JobCodecs<TKey, TValue, TResult>? generated)
{
    public ValueCodec<TKey>? Key { get; } = generated?.Key ?? BuiltInCodecs.Of<TKey>();

    public ValueCodec<TValue>? Value { get; } = generated?.Value ?? BuiltInCodecs.Of<TValue>();

    public ValueCodec<TResult>? Result { get; } = generated?.Result ?? BuiltInCodecs.Of<TResult>();

    /// <summary>Whether keys and values can be written without a backend (what spilling to disk needs).</summary>
    public bool CanSpill => Key is not null && Value is not null;

    /// <summary>The types that go through the backend's payload codec: those without a codec of their own.</summary>
    public IReadOnlyList<Type> WithoutCodec()
    {
        var types = new List<Type>();
        if (Key is null)
        {
            types.Add(typeof(TKey));
        }

        if (Value is null)
        {
            types.Add(typeof(TValue));
        }

        if (Result is null)
        {
            types.Add(typeof(TResult));
        }

        return types;
    }

    /// <summary>The codec of a map-side slot: a combined value, or (for the other shapes) a count or nothing.</summary>
    public ValueCodec<TSlot>? Slot<TSlot>() =>
        typeof(TSlot) == typeof(TValue) ? Value as ValueCodec<TSlot> : BuiltInCodecs.Of<TSlot>();

    /// <summary>Writes items of one type: each with its codec, or all of them as one array through the payload codec.</summary>
    public static void WriteColumn<T>(ValueWriter writer, ValueCodec<T>? codec, IPayloadCodec? payload, ReadOnlySpan<T> items)
    {
        if (codec is not null)
        {
            foreach (T item in items)
            {
                codec.Write(writer, item);
            }

            return;
        }

        byte[] bytes = (payload ?? throw NoCodec<T>()).Encode(items.ToArray());
        writer.WriteVarUInt32((uint)bytes.Length);
        writer.WriteRaw(bytes);
    }

    /// <summary>Reads what <see cref="WriteColumn{T}"/> wrote: <paramref name="count"/> items.</summary>
    public static T[] ReadColumn<T>(ref ValueReader reader, ValueCodec<T>? codec, IPayloadCodec? payload, int count)
    {
        if (codec is not null)
        {
            var items = new T[count];
            for (int i = 0; i < count; i++)
            {
                items[i] = codec.Read(ref reader);
            }

            return items;
        }

        int length = checked((int)reader.ReadVarUInt32());
        T[] array = (payload ?? throw NoCodec<T>()).Decode<T[]>(reader.ReadRaw(length).ToArray()) ?? [];
        return array.Length == count
            ? array
            : throw new InvalidDataException($"A column holds {array.Length} items where {count} were written.");
    }

    /// <summary>Writes one value as JSON: its codec, or the backend's JSON writer.</summary>
    public static void WriteJson<T>(System.Text.Json.Utf8JsonWriter writer, ValueCodec<T>? codec, IPayloadCodec? payload, T value)
    {
        if (codec is not null)
        {
            codec.WriteJson(writer, value);
        }
        else if (payload is not null)
        {
            payload.WriteJson(writer, value);
        }
        else
        {
            throw new NotSupportedException(
                $"Values of type {typeof(T)} cannot be written as JSON: the type has no generated codec (see docs/api.md).");
        }
    }

    private static NotSupportedException NoCodec<T>() =>
        new($"Values of type {typeof(T)} cannot be written to bytes: the type has no generated codec and no backend serializer was given.");
}
