using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Engine.Spill;

namespace MapReduceGen.Engine.Output;

/// <summary>
/// Where each reduced partition goes when a run does not return its output whole: handed to the caller part by part
/// (<see cref="StreamDelivery{TKey, TResult, TPart}"/>) or written to a file (<see cref="FileDelivery{TKey, TValue, TResult}"/>).
/// A partition reduced key by key (merged from spilled runs) is written through <see cref="Open{TStored}"/>; a partition
/// reduced whole in memory is handed over by <see cref="Deliver"/>, in its output order.
/// </summary>
internal abstract class PartitionDelivery<TKey, TResult>
{
    /// <summary>Whether writing can block until the caller takes what was written (reduce workers then get threads of their own).</summary>
    public abstract bool Blocks { get; }

    /// <summary>Called once, before any partition is opened, with the run's number of partitions.</summary>
    public abstract void Begin(int partitions);

    /// <summary>A writer for one partition's output, key by key in output order; complete it when the partition is done.</summary>
    public abstract PartitionOutput<TStored, TResult> Open<TStored>(int partition);

    /// <summary>Fails every partition not yet handed over (the run failed or was cancelled).</summary>
    public abstract void Fail(Exception failure);

    /// <summary>Hands over a partition reduced whole, in its output order.</summary>
    public void Deliver<TStored, TSlot, TOps>(int partition, PartitionResult<TStored, TSlot, TOps, TResult> result)
        where TOps : struct, IKeyOps<TStored>
    {
        PartitionOutput<TStored, TResult> output = Open<TStored>(partition);
        if (result.Records is { } records)
        {
            output.WriteRecords(records);
        }
        else
        {
            for (int i = 0; i < result.Count; i++)
            {
                int entry = result.Order is { } order ? order[i] : i;
                ref Tables.Entry<TStored, TSlot> row = ref result.Keys.EntryAt(entry);
                output.Write(row.Key, row.Hash, result.ResultAt(entry));
            }
        }

        output.Complete(result.Count);
    }
}

/// <summary>One partition's output on its way out: written key by key, then completed.</summary>
internal abstract class PartitionOutput<TStored, TResult> : IPartitionWriter<TStored, TResult>
{
    public abstract void Write(in TStored key, int stableHash, TResult result);

    public abstract void WriteRecords(List<TResult> records);

    /// <summary>Ends the partition (<paramref name="keys"/>: its key count).</summary>
    public abstract void Complete(long keys);
}
