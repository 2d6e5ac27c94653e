using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Output;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Definitions;

/// <summary>The definition of an original fold job (<see cref="IFoldJob{TInput, TKey, TValue}"/>).</summary>
internal static class ClassicFold<TJob, TInput, TKey, TValue>
    where TJob : struct, IFoldJob<TInput, TKey, TValue>
{
    public static readonly JobDefinition<TKey, TValue, MapReduceResult<TKey, TValue>> Definition =
        new CoreDefinition<TJob, TKey, TValue, TValue, FoldMapSide<TJob, TValue>, FoldReducer<TJob, TKey, TValue>, TValue,
            MapReduceResult<TKey, TValue>, ResultOutput<TKey, TValue>>(ClassicDefinitions<TJob, TInput, TKey, TValue>.Spec<TValue>());
}
