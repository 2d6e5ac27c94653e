using System.Text.Json;
using MapReduceGen.Engine;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// The engine's payload codec on Orleans' serializer: a run's parameters, batches of in-memory inputs, and the keys,
/// values and results of types without a generated codec. JSON of such types (JSON Lines output files) is written by
/// System.Text.Json's reflection serializer, which this package (JIT only, like Orleans) may use.
/// </summary>
internal sealed class OrleansPayloadCodec(Serializer serializer) : IPayloadCodec
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    public byte[] Encode<T>(T value) => serializer.SerializeToArray(value);

    public T Decode<T>(ReadOnlyMemory<byte> data) => serializer.Deserialize<T>(data)!;

    public void WriteJson<T>(Utf8JsonWriter writer, T value) => JsonSerializer.Serialize(writer, value, Json);
}
