using MapReduceGen.Engine;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>Encodes a run's parameters with Orleans' serializer (the engine knows their type, Orleans how to write it).</summary>
internal sealed class OrleansParameterCodec(Serializer serializer) : IParameterCodec
{
    public byte[] Encode<T>(T value) => serializer.SerializeToArray(value);

    public T Decode<T>(byte[] data) => serializer.Deserialize<T>(data)!;
}
