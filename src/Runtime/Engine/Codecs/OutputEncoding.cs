namespace MapReduceGen.Engine;

/// <summary>
/// One partition's output as bytes (a reduce task's result on its way to the client): the item count, then the keys
/// (not for records), then the results or records, each column by its codec or as one payload-encoded array.
/// </summary>
internal static class OutputEncoding
{
    public static byte[] Encode<TKey, TValue, TResult>(
        TKey[]? keys, TResult[] items, TypedCodecs<TKey, TValue, TResult> codecs, IPayloadCodec? payload)
    {
        var writer = new ValueWriter();
        writer.WriteVarUInt32((uint)items.Length);
        writer.WritePresence(keys is not null);
        if (keys is not null)
        {
            TypedCodecs<TKey, TValue, TResult>.WriteColumn(writer, codecs.Key, payload, keys);
        }

        TypedCodecs<TKey, TValue, TResult>.WriteColumn(writer, codecs.Result, payload, items);
        return writer.ToArray();
    }

    public static (TKey[] Keys, TResult[] Items) Decode<TKey, TValue, TResult>(
        ReadOnlySpan<byte> data, TypedCodecs<TKey, TValue, TResult> codecs, IPayloadCodec? payload)
    {
        if (data.IsEmpty)
        {
            return ([], []);
        }

        var reader = new ValueReader(data);
        int count = reader.ReadCount();
        TKey[] keys = reader.ReadPresence() ? TypedCodecs<TKey, TValue, TResult>.ReadColumn(ref reader, codecs.Key, payload, count) : [];
        TResult[] items = TypedCodecs<TKey, TValue, TResult>.ReadColumn(ref reader, codecs.Result, payload, count);
        return reader.End ? (keys, items) : throw new InvalidDataException("A partition's output has bytes after its last column.");
    }
}
