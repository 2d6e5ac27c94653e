using System.Text.Json;
using MapReduceGen.Engine;

namespace MapReduceGen.Backend.Tests;

/// <summary>The toy backend's serializer: System.Text.Json for what the engine cannot write itself.</summary>
internal sealed class JsonPayloadCodec : IPayloadCodec
{
    private static readonly JsonSerializerOptions Options = new() { IncludeFields = true };

    public int Encoded { get; private set; }

    public byte[] Encode<T>(T value)
    {
        Encoded++;
        return JsonSerializer.SerializeToUtf8Bytes(value, Options);
    }

    public T Decode<T>(ReadOnlyMemory<byte> data) => JsonSerializer.Deserialize<T>(data.Span, Options)!;

    public void WriteJson<T>(Utf8JsonWriter writer, T value) => JsonSerializer.Serialize(writer, value, Options);
}
