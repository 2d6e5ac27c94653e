using MapReduceGen.Engine;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>The silo-side code of a fold job: map-side combining, merged accumulators are the results.</summary>
internal sealed class FoldJobHandler<TJob, TInput, TKey, TValue>
    : ClusterJobHandler<TJob, TInput, TKey, TValue, TValue, FoldMapSide<TJob, TValue>, FoldReducer<TJob, TKey, TValue>, TValue>
    where TJob : struct, IFoldJob<TInput, TKey, TValue>
    where TKey : notnull;
