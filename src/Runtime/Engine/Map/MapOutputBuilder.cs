using System.Runtime.CompilerServices;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Map;

/// <summary>
/// Ends a map task: takes its table's entries, assigns each key its partition by stable hash (<see cref="Partitioning"/>),
/// reorders the entries in place so every partition is contiguous (a counting sort: one pass to count, one to place),
/// and for jobs that keep values, gathers each key's values side by side in that order. Runs on the map task's own
/// thread, in time linear in its distinct keys and values.
/// </summary>
internal static class MapOutputBuilder
{
    public static MapOutput<TStored, TSlot, TValue> Build<TStored, TSlot, TValue, TOps>(
        KeyTable<TStored, TSlot, TOps> table, ValueLog<TValue>? values, int partitionCount)
        where TOps : struct, IKeyOps<TStored> =>
        Build(table, values, partitionCount, null);

    /// <summary>
    /// Ends a map task with each key's partition chosen by <paramref name="selector"/> (the job's partitioner, or key
    /// ranges for a total order) instead of its stable hash.
    /// </summary>
    /// <exception cref="Reduce.KeyFailure">The job's partitioner threw, or chose a partition out of range.</exception>
    public static MapOutput<TStored, TSlot, TValue> Build<TStored, TSlot, TValue, TOps>(
        KeyTable<TStored, TSlot, TOps> table, ValueLog<TValue>? values, int partitionCount, PartitionSelector<TStored>? selector)
        where TOps : struct, IKeyOps<TStored>
    {
        Entry<TStored, TSlot>[] entries = table.TakeEntries(out int count);
        int[] starts = new int[partitionCount + 1];
        int[]? positions = null;
        if (partitionCount == 1)
        {
            starts[1] = count;
        }
        else
        {
            // Where each entry goes: partitions in order, entries in insertion order within a partition.
            positions = new int[count];
            for (int i = 0; i < count; i++)
            {
                positions[i] = selector is null
                    ? Partitioning.Select(entries[i].Hash, partitionCount)
                    : selector.Select(entries[i].Key, entries[i].Hash, partitionCount);
                starts[positions[i] + 1]++;
            }

            for (int p = 0; p < partitionCount; p++)
            {
                starts[p + 1] += starts[p];
            }

            int[] next = starts[..^1];
            for (int i = 0; i < count; i++)
            {
                positions[i] = next[positions[i]]++;
            }
        }

        TValue[]? gathered = null;
        int[]? valueStarts = null;
        if (values is not null)
        {
            (gathered, valueStarts) = Gather(entries, count, positions, values);
            values.Clear();
        }

        if (positions is not null)
        {
            Permute(entries, positions);
        }

        return new MapOutput<TStored, TSlot, TValue>(entries, starts, gathered, valueStarts);
    }

    // The values of each key side by side, keys in their final order; a key's slot is its value count.
    private static (TValue[] Values, int[] Starts) Gather<TStored, TSlot, TValue>(
        Entry<TStored, TSlot>[] entries, int count, int[]? positions, ValueLog<TValue> log)
    {
        int[] starts = new int[count + 1];
        for (int i = 0; i < count; i++)
        {
            int position = positions?[i] ?? i;
            starts[position + 1] = Unsafe.As<TSlot, int>(ref entries[i].Slot);
        }

        for (int i = 0; i < count; i++)
        {
            starts[i + 1] += starts[i];
        }

        var scatter = new Scatter<TValue>(new TValue[starts[count]], starts[..^1], positions);
        log.ForEach(ref scatter);
        return (scatter.Values, starts);
    }

    // Moves every entry to its position: each swap puts one entry where it belongs.
    private static void Permute<TStored, TSlot>(Entry<TStored, TSlot>[] entries, int[] positions)
    {
        for (int i = 0; i < positions.Length; i++)
        {
            while (positions[i] != i)
            {
                int target = positions[i];
                (entries[i], entries[target]) = (entries[target], entries[i]);
                (positions[i], positions[target]) = (positions[target], positions[i]);
            }
        }
    }

    private struct Scatter<TValue>(TValue[] values, int[] next, int[]? positions) : ValueLog<TValue>.IVisitor
    {
        public readonly TValue[] Values => values;

        public void Visit(int entry, TValue value)
        {
            int position = positions is null ? entry : positions[entry];
            values[next[position]++] = value;
        }
    }
}
