namespace MapReduceGen.Engine.Spill;

/// <summary>
/// One sorted run a map task wrote to disk: its file and, per partition, where that partition's rows are and how many
/// there are. Within a partition, rows are in the merge order (<see cref="MergeOrder{TKey, TStored}"/>).
/// </summary>
internal sealed class SpillRun(string path, long[] offsets, long[] lengths, int[] counts)
{
    public string Path => path;

    public int PartitionCount => counts.Length;

    public long Offset(int partition) => offsets[partition];

    public long Length(int partition) => lengths[partition];

    public int Count(int partition) => counts[partition];

    public long Bytes => lengths.Sum();
}
