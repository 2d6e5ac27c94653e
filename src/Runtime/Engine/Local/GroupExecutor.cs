using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Local;

/// <summary>The local executor for a grouping job: every value kept, the reducer called once per key.</summary>
internal abstract class GroupExecutor<TJob, TInput, TKey, TValue, TResult>
    : LocalExecutor<TJob, TInput, TKey, TValue, int, CollectMapSide<TValue>, GroupReducer<TJob, TKey, TValue, TResult>, TResult>
    where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult>;
