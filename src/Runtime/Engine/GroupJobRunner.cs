using System.Buffers;
using System.Runtime.CompilerServices;

namespace MapReduceGen;

/// <summary>
/// Runs a grouping job: map into per-worker, per-partition tables of value chains, then per partition (in
/// parallel) gather each key's values from every worker and call the reducer once per key.
/// </summary>
internal static class GroupJobRunner<TJob, TInput, TKey, TValue, TResult>
    where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult>
{
    private const int StopCheckInterval = 256;

    public static MapReduceResult<TKey, TResult> Run(
        IEnumerable<TInput> inputs, MapReduceOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Run(o => new SequenceMapInput<TInput>(inputs, o), options, cancellationToken);
    }

    public static MapReduceResult<TKey, TResult> Run(
        TextSource source, MapReduceOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Run(o => new TextMapInput<TInput>(source, o), options, cancellationToken);
    }

    private static MapReduceResult<TKey, TResult> Run(
        Func<MapReduceOptions, MapInput<TInput>> openInput, MapReduceOptions? options, CancellationToken cancellationToken) =>
        JobExecution.Execute<TInput, TKey, TResult, TJob, GroupWorker<TJob, TInput, TKey, TValue, TResult>>(
            TJob.Name,
            openInput,
            options,
            static (state, partitions) => new GroupWorker<TJob, TInput, TKey, TValue, TResult>(state, partitions),
            ReducePartition,
            cancellationToken);

    private static KeyTable<TKey, TResult, TJob> ReducePartition(
        GroupWorker<TJob, TInput, TKey, TValue, TResult>?[] workers, int partition, RunState state)
    {
        GroupTable<TKey, TValue, TJob> merged = MergePartition(workers, partition);
        Span<KeyEntry<TKey, ValueChain>> entries = merged.Keys.Entries;
        var results = new KeyTable<TKey, TResult, TJob>(entries.Length);
        TValue[] buffer = ArrayPool<TValue>.Shared.Rent(16);
        try
        {
            for (int i = 0; i < entries.Length; i++)
            {
                if (i % StopCheckInterval == 0 && state.StopRequested)
                {
                    break;
                }

                ref KeyEntry<TKey, ValueChain> entry = ref entries[i];
                int count = entry.Slot.Count;
                if (buffer.Length < count)
                {
                    ArrayPool<TValue>.Shared.Return(buffer, RuntimeHelpers.IsReferenceOrContainsReferences<TValue>());
                    buffer = ArrayPool<TValue>.Shared.Rent(count);
                }

                merged.Values.CopyTo(entry.Slot, buffer);
                TResult result;
                try
                {
                    result = TJob.Reduce(entry.Key, buffer.AsSpan(0, count));
                }
                catch (Exception ex)
                {
                    state.Fail(MapReduceException.ForKey(TJob.Name, entry.Key, ex));
                    break;
                }

                results.GetSlot(entry.Key, entry.Hash, out _) = result;
            }
        }
        finally
        {
            ArrayPool<TValue>.Shared.Return(buffer, RuntimeHelpers.IsReferenceOrContainsReferences<TValue>());
        }

        return results;
    }

    /// <summary>Gathers one partition's keys and values from every worker into one table.</summary>
    private static GroupTable<TKey, TValue, TJob> MergePartition(
        GroupWorker<TJob, TInput, TKey, TValue, TResult>?[] workers, int partition)
    {
        GroupTable<TKey, TValue, TJob>? only = null;
        int nonEmpty = 0;
        foreach (GroupWorker<TJob, TInput, TKey, TValue, TResult>? worker in workers)
        {
            if (worker?.Tables[partition] is { } table)
            {
                only = table;
                nonEmpty++;
            }
        }

        if (nonEmpty <= 1)
        {
            return only ?? new GroupTable<TKey, TValue, TJob>();
        }

        var merged = new GroupTable<TKey, TValue, TJob>();
        foreach (GroupWorker<TJob, TInput, TKey, TValue, TResult>? worker in workers)
        {
            if (worker?.Tables[partition] is not { } table)
            {
                continue;
            }

            foreach (ref KeyEntry<TKey, ValueChain> entry in table.Keys.Entries)
            {
                ref ValueChain target = ref merged.Keys.GetSlot(entry.Key, entry.Hash, out _);
                merged.Values.AppendAll(ref target, table.Values, entry.Slot);
            }
        }

        return merged;
    }
}
