using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Engine.Results;

namespace MapReduceGen.Engine.Output;

/// <summary>One result per key: a <see cref="MapReduceResult{TKey, TResult}"/> over the partitions, merged into the job's output order when it has one.</summary>
internal readonly struct ResultOutput<TKey, TResult> : IOutputKind<TKey, TResult, MapReduceResult<TKey, TResult>>
{
    public static bool WritesRecords => false;

    public static MapReduceResult<TKey, TResult> Assemble<TStored, TSlot, TOps>(
        PartitionResult<TStored, TSlot, TOps, TResult>[] partitions, OutputSettings<TKey, TResult> settings, MapReduceStatistics statistics)
        where TOps : struct, IKeyOps<TStored>
    {
        var store = new TableResultStore<TKey, TStored, TOps, TSlot, TResult>(partitions, settings.KeyOrder)
        {
            PartitionOfKey = settings.PartitionOfKey,
        };
        (int, int)[]? order = null;
        if (settings.OutputOrder is { } compare && partitions.Length > 1)
        {
            int[] lengths = Array.ConvertAll(partitions, p => p.Count);
            order = Merge(lengths, compare, store);
        }

        return new MapReduceResult<TKey, TResult>(store, statistics, order);
    }

    public static MapReduceResult<TKey, TResult> FromPartitions(
        IReadOnlyList<(TKey[] Keys, TResult[] Results)> partitions, OutputSettings<TKey, TResult> settings, MapReduceStatistics statistics)
    {
        var entries = new List<KeyValuePair<TKey, TResult>>();
        var lengths = new int[partitions.Count];
        for (int p = 0; p < partitions.Count; p++)
        {
            (TKey[] keys, TResult[] results) = partitions[p];
            lengths[p] = keys.Length;
            for (int i = 0; i < keys.Length; i++)
            {
                entries.Add(new(keys[i], results[i]));
            }
        }

        // Other executors (a cluster) run only jobs whose keys are not nullable.
#pragma warning disable CS8714
        var store = new DictionaryResultStore<TKey, TResult>(entries, lengths, settings.KeyOrder.Compare);
#pragma warning restore CS8714
        (int, int)[]? order = settings.OutputOrder is { } compare && partitions.Count > 1 ? Merge(lengths, compare, store) : null;
        return new MapReduceResult<TKey, TResult>(store, statistics, order);
    }

    // Partitions are each in output order; ties between partitions go by key.
    private static (int, int)[] Merge(int[] lengths, Comparison<TResult> compare, ResultStore<TKey, TResult> store) =>
        SortedRuns.Merge(lengths, (ra, ia, rb, ib) =>
        {
            int byResult = compare(store.ResultAt(ra, ia), store.ResultAt(rb, ib));
            return byResult != 0 ? byResult : store.CompareKeys(ra, ia, rb, ib);
        });
}
