using System.Runtime.CompilerServices;

namespace MapReduceGen;

/// <summary>
/// Runs a fold job: map with in-place combining into per-worker, per-partition tables, then merge each
/// partition's tables (in parallel across partitions) into the result.
/// </summary>
internal static class FoldJobRunner<TJob, TInput, TKey, TValue>
    where TJob : struct, IFoldJob<TInput, TKey, TValue>
{
    private const int StopCheckInterval = 1024;

    public static MapReduceResult<TKey, TValue> Run(
        IEnumerable<TInput> inputs, MapReduceOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Run(o => new SequenceMapInput<TInput>(inputs, o), options, cancellationToken);
    }

    public static MapReduceResult<TKey, TValue> Run(
        TextSource source, MapReduceOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Run(o => new TextMapInput<TInput>(source, o), options, cancellationToken);
    }

    public static MapReduceResult<TKey, TValue> RunUtf8<TMapper>(
        TextSource source, MapReduceOptions? options, CancellationToken cancellationToken)
        where TMapper : IUtf8TextMapper<TKey, TValue>
    {
        ArgumentNullException.ThrowIfNull(source);
        ThrowIfSkippingBadRecords(options);
        return Run(
            o => new TextMapInput<TInput>(
                source,
                o,
                static (worker, reader) => ((FoldWorker<TJob, TInput, TKey, TValue>)worker).MapUtf8Lines<TMapper, TextSplitReader>(reader)),
            options,
            cancellationToken);
    }

    public static MapReduceResult<TKey, TValue> RunUtf8<TMapper>(
        Stream stream, string name, MapReduceOptions? options, CancellationToken cancellationToken)
        where TMapper : IUtf8TextMapper<TKey, TValue>
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        ThrowIfSkippingBadRecords(options);
        return Run(
            _ => new Utf8StreamMapInput<TInput>(
                stream,
                name,
                static (worker, blocks) => ((FoldWorker<TJob, TInput, TKey, TValue>)worker).MapUtf8Lines<TMapper, IUtf8LineBlocks>(blocks)),
            options,
            cancellationToken);
    }

    private static MapReduceResult<TKey, TValue> Run(
        Func<MapReduceOptions, MapInput<TInput>> openInput, MapReduceOptions? options, CancellationToken cancellationToken) =>
        JobExecution.Execute<TInput, TKey, TValue, TJob, FoldWorker<TJob, TInput, TKey, TValue>>(
            TJob.Name,
            openInput,
            options,
            static (state, partitions) => new FoldWorker<TJob, TInput, TKey, TValue>(state, partitions),
            MergePartition,
            cancellationToken);

    private static void ThrowIfSkippingBadRecords(MapReduceOptions? options)
    {
        if (options is { MaxBadRecords: > 0 })
        {
            throw new NotSupportedException(
                "MaxBadRecords cannot be used with a UTF-8 block mapper (RunFoldUtf8): a block holds many lines, so one bad " +
                "line cannot be skipped alone. Run the job's line mapper (Run with a TextSource) to skip bad records.");
        }
    }

    /// <summary>
    /// Folds every worker's table of one partition into the largest of them (only that one is turned from a string
    /// table into a key table; the others are read where they are).
    /// </summary>
    private static KeyTable<TKey, TValue, TJob> MergePartition(
        FoldWorker<TJob, TInput, TKey, TValue>?[] workers, int partition, RunState state)
    {
        FoldWorker<TJob, TInput, TKey, TValue>? largest = null;
        int largestCount = 0;
        foreach (FoldWorker<TJob, TInput, TKey, TValue>? worker in workers)
        {
            int count = worker?.CountOf(partition) ?? 0;
            if (count > largestCount)
            {
                largest = worker;
                largestCount = count;
            }
        }

        KeyTable<TKey, TValue, TJob>? target = largest?.TableOf(partition);
        if (target is null)
        {
            return new KeyTable<TKey, TValue, TJob>();
        }

        foreach (FoldWorker<TJob, TInput, TKey, TValue>? worker in workers)
        {
            if (worker is null || ReferenceEquals(worker, largest) || worker.StringTableOf(partition) is not { } strings)
            {
                continue;
            }

            ReadOnlySpan<StringKeyTable<TValue>.Slot> slots = strings.Slots;
            for (int i = 0; i < slots.Length; i++)
            {
                if (i % StopCheckInterval == 0 && state.StopRequested)
                {
                    return target;
                }

                ref readonly StringKeyTable<TValue>.Slot entry = ref slots[i];
                if (entry.Key is null)
                {
                    continue;
                }

                TKey key = Unsafe.As<string, TKey>(ref Unsafe.AsRef(in entry.Key));
                ref TValue slot = ref target.GetSlot(key, entry.Hash, out bool added);
                if (added)
                {
                    slot = entry.Value;
                    continue;
                }

                try
                {
                    slot = TJob.Combine(slot, entry.Value);
                }
                catch (Exception ex)
                {
                    state.Fail(MapReduceException.ForKey(TJob.Name, key, ex));
                    return target;
                }
            }

            worker.ReleaseStringTable(partition);
        }

        foreach (FoldWorker<TJob, TInput, TKey, TValue>? worker in workers)
        {
            if (worker is null || ReferenceEquals(worker, largest) || worker.StringTableOf(partition) is not null)
            {
                continue; // nothing, the target, or a string table merged above
            }

            KeyTable<TKey, TValue, TJob>? table = worker.TableOf(partition);
            if (table is null)
            {
                continue;
            }

            Span<KeyEntry<TKey, TValue>> entries = table.Entries;
            for (int i = 0; i < entries.Length; i++)
            {
                if (i % StopCheckInterval == 0 && state.StopRequested)
                {
                    return target;
                }

                ref KeyEntry<TKey, TValue> entry = ref entries[i];
                ref TValue slot = ref target.GetSlot(entry.Key, entry.Hash, out bool added);
                if (added)
                {
                    slot = entry.Slot;
                    continue;
                }

                try
                {
                    slot = TJob.Combine(slot, entry.Slot);
                }
                catch (Exception ex)
                {
                    state.Fail(MapReduceException.ForKey(TJob.Name, entry.Key, ex));
                    return target;
                }
            }
        }

        return target;
    }
}
