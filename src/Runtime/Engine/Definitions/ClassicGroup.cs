using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Output;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Definitions;

/// <summary>The definition of an original grouping job (<see cref="IGroupJob{TInput, TKey, TValue, TResult}"/>).</summary>
internal static class ClassicGroup<TJob, TInput, TKey, TValue, TResult>
    where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult>
{
    public static readonly JobDefinition<TKey, TValue, MapReduceResult<TKey, TResult>> Definition =
        new CoreDefinition<TJob, TKey, TValue, int, CollectMapSide<TValue>,
            GroupReducer<ClassicGroupCall<TJob, TKey, TValue, TResult>, TKey, TValue, int, CollectMapSide<TValue>, TResult>, TResult,
            MapReduceResult<TKey, TResult>, ResultOutput<TKey, TResult>>(ClassicDefinitions<TJob, TInput, TKey, TValue>.Spec<TResult>());
}
