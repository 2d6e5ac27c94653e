using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Output;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Definitions;

/// <summary>Receives a job definition's types (the cluster backend builds its silo code and its client side from them).</summary>
internal interface IJobDefinitionVisitor<TKey, TValue, TOutput, TVisit>
{
    TVisit Visit<TJob, TSlot, TSide, TReducer, TResult, TKind>(JobSpec<TKey, TValue, TResult> spec)
        where TJob : struct, IKeyedJob<TKey>
        where TSide : IMapSide<TValue, TSlot>
        where TReducer : IReducer<TKey, TValue, TSlot, TResult>
        where TKind : IOutputKind<TKey, TResult, TOutput>;
}
