using MapReduceGen.Engine.Map;

namespace MapReduceGen.Engine.Spill;

/// <summary>
/// Writes a map task's partitioned table as one sorted run: partition after partition, each partition's rows in the
/// merge order, in large sequential writes; the run's index (where each partition is) stays in memory with the run.
/// </summary>
internal static class RunWriter
{
    private const int FlushBytes = 1 << 20;

    public static SpillRun Write<TKey, TStored, TSlot, TValue, TResult>(
        string path, MapOutput<TStored, TSlot, TValue> output, MergeOrder<TKey, TStored> order, TypedCodecs<TKey, TValue, TResult> codecs,
        ValueCodec<TSlot> slotCodec, bool keepsValues, string jobName)
    {
        int partitions = output.PartitionCount;
        var offsets = new long[partitions];
        var lengths = new long[partitions];
        var counts = new int[partitions];
        var buffer = new ValueWriter(FlushBytes + (FlushBytes / 4));
        var row = new ValueWriter();
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan);
            long position = 0;
            for (int p = 0; p < partitions; p++)
            {
                Piece<TStored, TSlot, TValue> piece = output.Partition(p);
                offsets[p] = position + buffer.Length;
                counts[p] = piece.Length;
                foreach (int entry in order.Sort(piece.EntryArray, piece.Start, piece.Length))
                {
                    ReadOnlySpan<TValue> values = keepsValues ? piece.ValuesOf(entry) : default;
                    RunRows.Write(buffer, row, piece.EntryArray[entry], values, codecs, slotCodec);
                    if (buffer.Length >= FlushBytes)
                    {
                        file.Write(buffer.WrittenSpan);
                        position += buffer.Length;
                        buffer.Clear();
                    }
                }

                lengths[p] = position + buffer.Length - offsets[p];
            }

            file.Write(buffer.WrittenSpan);
            file.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The run's folder is removed when the run ends.
            }

            throw MapReduceException.ForSpill(jobName, path, e);
        }

        return new SpillRun(path, offsets, lengths, counts);
    }

    /// <summary>
    /// Writes a table's entries, not yet partitioned, as one sorted run of a job partitioned by stable hash and merged by
    /// it: one radix sort by mixed hash orders every entry, and since partitions are ranges of the mixed hash
    /// (<see cref="Partitioning.Select"/>), the sorted entries are partition after partition with no reordering by
    /// partition first. For shapes that keep no values.
    /// </summary>
    public static SpillRun WriteByHash<TKey, TStored, TSlot, TValue, TResult>(
        string path, Tables.Entry<TStored, TSlot>[] entries, int count, int partitions, MergeOrder<TKey, TStored> order,
        TypedCodecs<TKey, TValue, TResult> codecs, ValueCodec<TSlot> slotCodec, string jobName)
    {
        var offsets = new long[partitions];
        var lengths = new long[partitions];
        var counts = new int[partitions];
        var buffer = new ValueWriter(FlushBytes + (FlushBytes / 4));
        var row = new ValueWriter();
        int[] sorted = order.Sort(entries, 0, count);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan);
            long position = 0;
            int partition = -1;
            foreach (int entry in sorted)
            {
                int p = Partitioning.Select(entries[entry].Hash, partitions);
                while (partition < p)
                {
                    // Partitions without rows start (and end) where the next one starts.
                    if (partition >= 0)
                    {
                        lengths[partition] = position + buffer.Length - offsets[partition];
                    }

                    offsets[++partition] = position + buffer.Length;
                }

                counts[p]++;
                RunRows.Write(buffer, row, entries[entry], ReadOnlySpan<TValue>.Empty, codecs, slotCodec);
                if (buffer.Length >= FlushBytes)
                {
                    file.Write(buffer.WrittenSpan);
                    position += buffer.Length;
                    buffer.Clear();
                }
            }

            if (partition >= 0)
            {
                lengths[partition] = position + buffer.Length - offsets[partition];
            }

            while (++partition < partitions)
            {
                offsets[partition] = position + buffer.Length;
            }

            file.Write(buffer.WrittenSpan);
            file.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The run's folder is removed when the run ends.
            }

            throw MapReduceException.ForSpill(jobName, path, e);
        }

        return new SpillRun(path, offsets, lengths, counts);
    }
}
