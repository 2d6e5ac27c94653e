using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Output;

/// <summary>Records: a <see cref="MapReduceRecords{TRecord}"/> over the partitions' record buffers, merged into the job's output order when it has one.</summary>
internal readonly struct RecordsOutput<TKey, TRecord> : IOutputKind<TKey, TRecord, MapReduceRecords<TRecord>>
{
    public static bool WritesRecords => true;

    public static MapReduceRecords<TRecord> Assemble<TStored, TSlot, TOps>(
        PartitionResult<TStored, TSlot, TOps, TRecord>[] partitions, OutputSettings<TKey, TRecord> settings, MapReduceStatistics statistics)
        where TOps : struct, IKeyOps<TStored>
    {
        var lists = new IReadOnlyList<TRecord>[partitions.Length];
        for (int p = 0; p < partitions.Length; p++)
        {
            lists[p] = partitions[p].Records is { } records ? records.AsReadOnly() : [];
        }

        return Create(lists, settings, statistics);
    }

    public static MapReduceRecords<TRecord> FromPartitions(
        IReadOnlyList<(TKey[] Keys, TRecord[] Results)> partitions, OutputSettings<TKey, TRecord> settings, MapReduceStatistics statistics)
    {
        var lists = new IReadOnlyList<TRecord>[partitions.Count];
        for (int p = 0; p < partitions.Count; p++)
        {
            lists[p] = Array.AsReadOnly(partitions[p].Results);
        }

        return Create(lists, settings, statistics);
    }

    private static MapReduceRecords<TRecord> Create(IReadOnlyList<TRecord>[] lists, OutputSettings<TKey, TRecord> settings, MapReduceStatistics statistics)
    {
        TRecord[]? ordered = null;
        if (settings.OutputOrder is { } compare && lists.Length > 1)
        {
            (int Run, int Index)[] positions = SortedRuns.Merge(
                Array.ConvertAll(lists, l => l.Count), (ra, ia, rb, ib) => compare(lists[ra][ia], lists[rb][ib]));
            ordered = new TRecord[positions.Length];
            for (int i = 0; i < positions.Length; i++)
            {
                ordered[i] = lists[positions[i].Run][positions[i].Index];
            }
        }

        return new MapReduceRecords<TRecord>(lists, ordered, statistics);
    }
}
