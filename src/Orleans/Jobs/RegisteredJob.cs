using MapReduceGen.Engine;
using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>A job's definition on a silo: map and reduce tasks through its public task kit.</summary>
internal sealed class RegisteredJob<TKey, TValue, TOutput>(JobDefinition<TKey, TValue, TOutput> definition) : IRegisteredJob
{
    public string Name => definition.Name;

    public MapTaskResult RunMap(MapTaskRequest request, IPayloadCodec codec, CancellationToken cancellationToken)
    {
        MapTaskInput input = request.Split is { } split
            ? MapTaskInput.ForSplit(request.InputIndex, split.ToTextSplit())
            : MapTaskInput.ForItems(request.InputIndex, request.Inputs ?? [], request.FirstInputIndex, request.InputCount);
        return definition.RunMapTask(
            input, Settings(request.PartitionCount, request.JobData, request.MaxBadRecords, request.MemoryBudget, request.SpillDirectory, codec), cancellationToken);
    }

    public PartitionReducer CreateReducer(ReduceTaskRequest request, IPayloadCodec codec) =>
        definition.CreateReducer(request.Partition, Settings(request.PartitionCount, request.JobData, 0, request.MemoryBudget, request.SpillDirectory, codec));

    public string? CheckSerializable(Serializer serializer, bool textInput) =>
        JobTypeCheck.Describe(serializer, definition, textInput);

    private static TaskSettings Settings(
        int partitionCount, byte[]? runData, int maxBadRecords, long memoryBudget, string? spillDirectory, IPayloadCodec codec) => new()
    {
        Codec = codec,
        PartitionCount = partitionCount,
        RunData = runData ?? [],
        MaxBadRecords = maxBadRecords,
        MemoryBudget = memoryBudget,
        SpillDirectory = spillDirectory,
    };
}
