using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Output;

/// <summary>
/// What a job outputs, and how its partitions become it: one result per key (<see cref="ResultOutput{TKey, TResult}"/>,
/// a <see cref="MapReduceResult{TKey, TResult}"/>) or records (<see cref="RecordsOutput{TKey, TRecord}"/>, a
/// <see cref="MapReduceRecords{TRecord}"/>). Partitions come from the local run's reduce tasks or from a cluster's.
/// </summary>
internal interface IOutputKind<TKey, TResult, TOutput>
{
    /// <summary>Whether the output is records (no keys) rather than a result per key.</summary>
    static abstract bool WritesRecords { get; }

    /// <summary>The local runner's output, from its partitions (each already in its output order).</summary>
    static abstract TOutput Assemble<TStored, TSlot, TOps>(
        PartitionResult<TStored, TSlot, TOps, TResult>[] partitions, OutputSettings<TKey, TResult> settings, MapReduceStatistics statistics)
        where TOps : struct, IKeyOps<TStored>;

    /// <summary>Another executor's output, from its partitions decoded (each already in its output order).</summary>
    static abstract TOutput FromPartitions(
        IReadOnlyList<(TKey[] Keys, TResult[] Results)> partitions, OutputSettings<TKey, TResult> settings, MapReduceStatistics statistics);
}
