using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>Encodes and decodes a run's <see cref="JobRunData"/> (nothing when the run has neither parameters nor split points).</summary>
internal static class RunData
{
    public static byte[]? Encode(Serializer serializer, byte[]? parameters, byte[]? splitPoints) =>
        parameters is null && splitPoints is null
            ? null
            : serializer.SerializeToArray(new JobRunData { Parameters = parameters, SplitPoints = splitPoints });

    public static JobRunData? Decode(byte[]? data, Serializer serializer) =>
        data is null ? null : serializer.Deserialize<JobRunData>(data);
}
