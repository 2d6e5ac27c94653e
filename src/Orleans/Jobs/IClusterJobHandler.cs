using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// A job registered on a silo (<see cref="MapReduceSiloBuilderExtensions"/>): strongly typed code, specialised for the
/// generated job struct, behind a type-free face so the grains need no generics and no reflection.
/// </summary>
internal interface IClusterJobHandler
{
    /// <summary>The job's name.</summary>
    string JobName { get; }

    /// <summary>
    /// Runs one map task; the report is completed (with the encoded output of each partition, which the silo keeps),
    /// failed (user code threw) or faulted.
    /// </summary>
    MapTaskResult RunMap(MapTaskRequest request, Serializer serializer, CancellationToken cancellationToken);

    /// <summary>Creates an empty reduce state for one partition.</summary>
    IReduceState CreateReduceState(Serializer serializer);

    /// <summary>Returns why this silo cannot serialize the job's types, or <see langword="null"/> when it can.</summary>
    string? CheckSerializable(Serializer serializer, bool textInput);
}

/// <summary>A map task's report and, when it completed, its encoded output per partition (<see langword="null"/>: empty).</summary>
internal sealed record MapTaskResult(MapTaskReport Report, byte[]?[]? Partitions);
