using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Local;

/// <summary>The local executor for a fold job: map-side combining, merged accumulators are the results.</summary>
internal abstract class FoldExecutor<TJob, TInput, TKey, TValue>
    : LocalExecutor<TJob, TInput, TKey, TValue, TValue, FoldMapSide<TJob, TValue>, FoldReducer<TJob, TKey, TValue>, TValue>
    where TJob : struct, IFoldJob<TInput, TKey, TValue>;
