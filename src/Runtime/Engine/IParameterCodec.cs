namespace MapReduceGen.Engine;

/// <summary>Encodes and decodes a run's parameters for another process (the cluster backend's serializer).</summary>
internal interface IParameterCodec
{
    byte[] Encode<T>(T value);

    T Decode<T>(byte[] data);
}
