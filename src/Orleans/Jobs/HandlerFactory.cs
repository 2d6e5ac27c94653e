using MapReduceGen.Engine;
using MapReduceGen.Engine.Definitions;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Output;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>Makes a job's silo-side code from its definition, with the definition's types (no reflection).</summary>
internal sealed class HandlerFactory<TKey, TValue, TOutput> : IJobDefinitionVisitor<TKey, TValue, TOutput, IClusterJobHandler>
    where TKey : notnull
{
    public IClusterJobHandler Visit<TJob, TSlot, TSide, TReducer, TResult, TKind>(JobSpec<TKey, TValue, TResult> spec)
        where TJob : struct, IKeyedJob<TKey>
        where TSide : IMapSide<TValue, TSlot>
        where TReducer : IReducer<TKey, TValue, TSlot, TResult>
        where TKind : IOutputKind<TKey, TResult, TOutput> =>
        new ClusterJobHandler<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult>(spec, TKind.WritesRecords);
}
