using System.ComponentModel;
using MapReduceGen.Engine.Definitions;

namespace MapReduceGen.Engine;

/// <summary>
/// A job as every executor runs it (made by <see cref="JobDefinitions"/> in generated code): its mappers, one per input;
/// its parameters type; how values are combined and reduced (its shape); how keys are partitioned and its output ordered
/// (<see cref="JobLayout{TKey, TValue, TOutput}"/>). The local runner (<see cref="MapReduceEngine.Run{TKey, TValue, TOutput}"/>)
/// and a cluster's silos run the same definition.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <typeparam name="TOutput">What a run returns: a <see cref="MapReduceResult{TKey, TResult}"/> or a <see cref="MapReduceRecords{TRecord}"/>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JobDefinition<TKey, TValue, TOutput>
{
    private protected JobDefinition()
    {
    }

    /// <summary>The job's name.</summary>
    internal abstract string Name { get; }

    /// <summary>The job's mappers, one per input, in order.</summary>
    internal abstract IReadOnlyList<JobMapper<TKey, TValue>> Mappers { get; }

    /// <summary>The job's parameters type.</summary>
    internal abstract JobParameters Parameters { get; }

    /// <summary>Whether the output is sorted by key (a total order over key ranges).</summary>
    internal abstract bool SortsByKey { get; }

    /// <summary>Runs the job on this machine.</summary>
    internal abstract TOutput Run(JobInput[] inputs, TaskContext context, MapReduceOptions? options, CancellationToken cancellationToken);

    /// <summary>Runs the job on this machine without blocking the caller.</summary>
    internal abstract Task<TOutput> RunAsync(JobInput[] inputs, TaskContext context, MapReduceOptions? options, CancellationToken cancellationToken);

    /// <summary>Calls <paramref name="visitor"/> with the definition's types (for other executors).</summary>
    internal abstract TVisit Accept<TVisit>(IJobDefinitionVisitor<TKey, TValue, TOutput, TVisit> visitor);
}
