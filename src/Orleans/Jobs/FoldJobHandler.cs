using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>The silo-side code of a fold job.</summary>
internal sealed class FoldJobHandler<TJob, TInput, TKey, TValue> : IClusterJobHandler
    where TJob : struct, IFoldJob<TInput, TKey, TValue>
    where TKey : notnull
{
    public string JobName => TJob.Name;

    public MapTaskReport RunMap(MapTaskRequest request, Serializer serializer, CancellationToken cancellationToken) =>
        MapTaskRunner<TJob, TInput, TKey, TValue>.Run(
            request, serializer, new FoldMapSink<TJob, TInput, TKey, TValue>(), cancellationToken);

    public IReduceState CreateReduceState(Serializer serializer) =>
        new FoldReduceState<TJob, TInput, TKey, TValue>(serializer);

    public string? CheckSerializable(Serializer serializer, bool textInput) =>
        JobTypeCheck.Describe(serializer, TJob.Name, textInput ? null : typeof(TInput), typeof(TKey), typeof(TValue), typeof(TValue));
}
