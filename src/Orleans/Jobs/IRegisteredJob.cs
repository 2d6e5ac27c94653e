using MapReduceGen.Engine;
using MapReduceGen.Orleans.Wire;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// A job registered on a silo (<see cref="MapReduceSiloBuilderExtensions"/>): its definition's task kit behind a
/// type-free face, so the grains need no generics and no reflection.
/// </summary>
internal interface IRegisteredJob
{
    /// <summary>The job's name.</summary>
    string Name { get; }

    /// <summary>Runs one map task; the result holds its output (kept by the grain) or its failure.</summary>
    MapTaskResult RunMap(MapTaskRequest request, IPayloadCodec codec, CancellationToken cancellationToken);

    /// <summary>Creates the reduce task of one partition.</summary>
    PartitionReducer CreateReducer(ReduceTaskRequest request, IPayloadCodec codec);

    /// <summary>Returns why this silo cannot serialize what the job sends through Orleans, or <see langword="null"/> when it can.</summary>
    string? CheckSerializable(global::Orleans.Serialization.Serializer serializer, bool textInput);
}
