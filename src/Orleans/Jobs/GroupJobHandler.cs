using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>The silo-side code of a grouping job.</summary>
internal sealed class GroupJobHandler<TJob, TInput, TKey, TValue, TResult> : IClusterJobHandler
    where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult>
    where TKey : notnull
{
    public string JobName => TJob.Name;

    public MapTaskReport RunMap(MapTaskRequest request, Serializer serializer, CancellationToken cancellationToken) =>
        MapTaskRunner<TJob, TInput, TKey, TValue>.Run(
            request, serializer, new GroupMapSink<TJob, TInput, TKey, TValue, TResult>(), cancellationToken);

    public IReduceState CreateReduceState(Serializer serializer) =>
        new GroupReduceState<TJob, TInput, TKey, TValue, TResult>(serializer);

    public string? CheckSerializable(Serializer serializer, bool textInput) =>
        JobTypeCheck.Describe(serializer, TJob.Name, textInput ? null : typeof(TInput), typeof(TKey), typeof(TValue), typeof(TResult));
}
