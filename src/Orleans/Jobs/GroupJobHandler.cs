using MapReduceGen.Engine;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>The silo-side code of a grouping job: every value kept, the reducer called once per key.</summary>
internal sealed class GroupJobHandler<TJob, TInput, TKey, TValue, TResult>
    : ClusterJobHandler<TJob, TInput, TKey, TValue, int, CollectMapSide<TValue>, GroupReducer<TJob, TKey, TValue, TResult>, TResult>
    where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult>
    where TKey : notnull;
