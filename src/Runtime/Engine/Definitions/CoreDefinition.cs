using MapReduceGen.Engine.Local;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Output;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Definitions;

/// <summary>
/// A job definition with every type its executors are specialised for: the job struct, what a key's slot holds and how
/// values enter it (the map side), the reducer, and the output kind. Each shape is this class with other type arguments
/// (see <see cref="JobDefinitions"/>), so every shape runs on the one core.
/// </summary>
internal sealed class CoreDefinition<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult, TOutput, TKind>(JobSpec<TKey, TValue, TResult> spec)
    : JobDefinition<TKey, TValue, TOutput>
    where TJob : struct, IKeyedJob<TKey>
    where TSide : IMapSide<TValue, TSlot>
    where TReducer : IReducer<TKey, TValue, TSlot, TResult>
    where TKind : IOutputKind<TKey, TResult, TOutput>
{
    internal override string Name => spec.Name;

    internal override IReadOnlyList<JobMapper<TKey, TValue>> Mappers => spec.Mappers;

    internal override JobParameters Parameters => spec.Parameters;

    internal override bool SortsByKey => spec.RangePartitioned;

    internal override TOutput Run(JobInput[] inputs, TaskContext context, MapReduceOptions? options, CancellationToken cancellationToken)
    {
        spec.Check(inputs, context);
        return inputs.Any(i => i.IsAsync)
            ? LocalExecutor<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult>
                .RunAsync<TOutput, TKind>(spec, inputs, context, options, cancellationToken).GetAwaiter().GetResult()
            : LocalExecutor<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult>
                .Run<TOutput, TKind>(spec, inputs, context, options, cancellationToken);
    }

    internal override Task<TOutput> RunAsync(JobInput[] inputs, TaskContext context, MapReduceOptions? options, CancellationToken cancellationToken)
    {
        spec.Check(inputs, context);
        return inputs.Any(i => i.IsAsync)
            ? LocalExecutor<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult>
                .RunAsync<TOutput, TKind>(spec, inputs, context, options, cancellationToken)
            : Task.Run(
                () => LocalExecutor<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult>
                    .Run<TOutput, TKind>(spec, inputs, context, options, cancellationToken),
                cancellationToken);
    }

    internal override TVisit Accept<TVisit>(IJobDefinitionVisitor<TKey, TValue, TOutput, TVisit> visitor) =>
        visitor.Visit<TJob, TSlot, TSide, TReducer, TResult, TKind>(spec);
}
