namespace MapReduceGen.Engine;

/// <summary>
/// A run's data as every task receives it: the run's parameters (encoded by the backend's payload codec) and a total
/// order's split points (keys), each present or not.
/// </summary>
internal static class RunDataEncoding
{
    public static byte[] Encode<TKey, TValue, TResult>(
        byte[]? parameters, TKey[]? splitPoints, TypedCodecs<TKey, TValue, TResult> codecs, IPayloadCodec payload)
    {
        var writer = new ValueWriter();
        writer.WritePresence(parameters is not null);
        if (parameters is not null)
        {
            writer.WriteVarUInt32((uint)parameters.Length);
            writer.WriteRaw(parameters);
        }

        writer.WritePresence(splitPoints is not null);
        if (splitPoints is not null)
        {
            writer.WriteVarUInt32((uint)splitPoints.Length);
            TypedCodecs<TKey, TValue, TResult>.WriteColumn(writer, codecs.Key, payload, splitPoints);
        }

        return writer.ToArray();
    }

    public static (byte[]? Parameters, TKey[]? SplitPoints) Decode<TKey, TValue, TResult>(
        ReadOnlySpan<byte> data, TypedCodecs<TKey, TValue, TResult> codecs, IPayloadCodec payload)
    {
        if (data.IsEmpty)
        {
            return (null, null);
        }

        var reader = new ValueReader(data);
        byte[]? parameters = reader.ReadPresence() ? reader.ReadRaw(checked((int)reader.ReadVarUInt32())).ToArray() : null;
        TKey[]? splits = null;
        if (reader.ReadPresence())
        {
            int count = reader.ReadCount();
            splits = TypedCodecs<TKey, TValue, TResult>.ReadColumn(ref reader, codecs.Key, payload, count);
        }

        return reader.End ? (parameters, splits) : throw new InvalidDataException("A run's data has bytes after its end.");
    }
}
