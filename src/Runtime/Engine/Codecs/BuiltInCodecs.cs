namespace MapReduceGen.Engine;

/// <summary>The built-in codec of a type the engine knows (<see cref="ValueCodecs"/>), found by the type itself.</summary>
internal static class BuiltInCodecs
{
    /// <summary>The codec of <typeparamref name="T"/> when it is a built-in type, else <see langword="null"/>.</summary>
    public static ValueCodec<T>? Of<T>() => Cache<T>.Codec;

    private static object? Find(Type type)
    {
        if (type == typeof(bool)) return ValueCodecs.Boolean;
        if (type == typeof(byte)) return ValueCodecs.Byte;
        if (type == typeof(sbyte)) return ValueCodecs.SByte;
        if (type == typeof(short)) return ValueCodecs.Int16;
        if (type == typeof(ushort)) return ValueCodecs.UInt16;
        if (type == typeof(int)) return ValueCodecs.Int32;
        if (type == typeof(uint)) return ValueCodecs.UInt32;
        if (type == typeof(long)) return ValueCodecs.Int64;
        if (type == typeof(ulong)) return ValueCodecs.UInt64;
        if (type == typeof(Int128)) return ValueCodecs.Int128;
        if (type == typeof(UInt128)) return ValueCodecs.UInt128;
        if (type == typeof(Half)) return ValueCodecs.Half;
        if (type == typeof(float)) return ValueCodecs.Single;
        if (type == typeof(double)) return ValueCodecs.Double;
        if (type == typeof(decimal)) return ValueCodecs.Decimal;
        if (type == typeof(char)) return ValueCodecs.Char;
        if (type == typeof(Guid)) return ValueCodecs.Guid;
        if (type == typeof(DateTime)) return ValueCodecs.DateTime;
        if (type == typeof(DateTimeOffset)) return ValueCodecs.DateTimeOffset;
        if (type == typeof(TimeSpan)) return ValueCodecs.TimeSpan;
        if (type == typeof(DateOnly)) return ValueCodecs.DateOnly;
        if (type == typeof(TimeOnly)) return ValueCodecs.TimeOnly;
        if (type == typeof(string)) return ValueCodecs.String;
        if (type == typeof(byte[])) return ValueCodecs.Bytes;
        return null;
    }

    private static class Cache<T>
    {
        public static readonly ValueCodec<T>? Codec = Find(typeof(T)) as ValueCodec<T>;
    }
}
