using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Spill;

/// <summary>One partition's section of a sorted run on disk: a file, where the rows start, and how many bytes they take.</summary>
internal readonly record struct RunSection(string Path, long Offset, long Length);

/// <summary>
/// Keeps a k-way merge's fan-in bounded, as Hadoop's merge factor does: a tiny memory budget makes thousands of sorted
/// runs, and merging them at once would open a file and hold a chunk for each (a process runs out of file handles, and the
/// chunks alone outgrow the budget). Past <see cref="MaxOpenRuns"/> sections, consecutive groups of them are merged into
/// one run each, pass after pass, until few are left; the merge then reads those. Equal keys of a group are combined as a
/// map task's runs are (slots merged by the map side, values side by side in source order), or, for a reducer that must
/// see each run's slot apart (a combiner with a grouping reducer), kept as rows of their own in source order. Either way
/// a key's values reach the reducer in the order they would have without the narrowing. The runs made here are deleted
/// when a later pass has read them (and by <see cref="DeleteMade"/> once the final merge is done), else with the folder.
/// </summary>
internal static class RunNarrowing<TKey, TValue, TSlot, TSide, TResult>
    where TSide : IMapSide<TValue, TSlot>
{
    /// <summary>How many sorted runs one merge reads at once.</summary>
    public const int MaxOpenRuns = 64;

    private const int FlushBytes = 1 << 20;

    /// <summary>
    /// Merges consecutive groups of <paramref name="sections"/> until at most <paramref name="max"/> are left (in the same
    /// order); returns them. New runs are written to files named by <paramref name="newFile"/>; <paramref name="combine"/>
    /// says whether equal keys of a group become one row (else every row is kept).
    /// </summary>
    /// <exception cref="MapReduceException">A run cannot be read or written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="stop"/> says the run stopped.</exception>
    public static List<RunSection> Narrow<TStored, TOps>(
        List<RunSection> sections, int max, MergeOrder<TKey, TStored> order, TypedCodecs<TKey, TValue, TResult> codecs, ValueCodec<TSlot> slotCodec,
        long memoryBudget, Func<string> newFile, Func<bool> stop, string jobName, bool combine = true)
        where TOps : struct, IKeyOps<TStored>
    {
        max = Math.Max(2, max);
        var made = new HashSet<string>(StringComparer.Ordinal);
        while (sections.Count > max)
        {
            // As few passes as the fan-in allows: groups of `max`, the last one smaller.
            var next = new List<RunSection>((sections.Count + max - 1) / max);
            for (int start = 0; start < sections.Count; start += max)
            {
                if (stop())
                {
                    throw new OperationCanceledException();
                }

                int count = Math.Min(max, sections.Count - start);
                List<RunSection> group = sections.GetRange(start, count);
                if (count == 1)
                {
                    next.Add(group[0]);
                    continue;
                }

                RunSection merged = Merge<TStored, TOps>(group, order, codecs, slotCodec, memoryBudget, newFile(), jobName, combine, stop);
                made.Add(merged.Path);
                next.Add(merged);
                foreach (RunSection read in group)
                {
                    if (made.Remove(read.Path))
                    {
                        TryDelete(read.Path);
                    }
                }
            }

            sections = next;
        }

        return sections;
    }

    /// <summary>Deletes the runs <see cref="Narrow"/> made (those of <paramref name="narrowed"/> that are not in <paramref name="original"/>).</summary>
    public static void DeleteMade(List<RunSection> original, List<RunSection> narrowed)
    {
        if (ReferenceEquals(original, narrowed))
        {
            return;
        }

        var kept = new HashSet<string>(original.Select(section => section.Path), StringComparer.Ordinal);
        foreach (RunSection section in narrowed)
        {
            if (!kept.Contains(section.Path))
            {
                TryDelete(section.Path);
            }
        }
    }

    private static RunSection Merge<TStored, TOps>(
        List<RunSection> group, MergeOrder<TKey, TStored> order, TypedCodecs<TKey, TValue, TResult> codecs, ValueCodec<TSlot> slotCodec,
        long memoryBudget, string path, string jobName, bool combine, Func<bool> stop)
        where TOps : struct, IKeyOps<TStored>
    {
        var sources = new List<MergeSource<TStored, TSlot, TValue>>(group.Count);
        try
        {
            foreach (RunSection section in group)
            {
                sources.Add(new FileSource<TKey, TStored, TSlot, TValue, TResult>(
                    section.Path, section.Offset, section.Length, codecs, slotCodec, TSide.KeepsValues, jobName));
            }

            var buffer = new ValueWriter(FlushBytes + (FlushBytes / 4));
            var row = new ValueWriter();
            long position = 0;
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan);
                void Write(Entry<TStored, TSlot> entry, ReadOnlySpan<TValue> values)
                {
                    RunRows.Write(buffer, row, entry, values, codecs, slotCodec);
                    if (buffer.Length >= FlushBytes)
                    {
                        if (stop())
                        {
                            throw new OperationCanceledException();
                        }

                        file.Write(buffer.WrittenSpan);
                        position += buffer.Length;
                        buffer.Clear();
                    }
                }

                if (combine)
                {
                    MergedCombine<TKey, TValue, TSlot, TSide>.Run(sources, order, default(TOps), memoryBudget, Write);
                }
                else
                {
                    // Every row as it comes (ties in source order): no user code, each run's slot of a key kept apart.
                    var heap = new MergeHeap<TKey, TStored, TSlot, TValue>(sources, order);
                    while (!heap.IsEmpty)
                    {
                        MergeSource<TStored, TSlot, TValue> top = heap.Top;
                        Write(top.Current, top.CurrentValues);
                        heap.Advance();
                    }
                }

                file.Write(buffer.WrittenSpan);
                position += buffer.Length;
                file.Flush();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                TryDelete(path);
                throw MapReduceException.ForSpill(jobName, path, e);
            }
            catch
            {
                TryDelete(path);
                throw;
            }

            return new RunSection(path, 0, position);
        }
        finally
        {
            foreach (MergeSource<TStored, TSlot, TValue> source in sources)
            {
                source.Dispose();
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder is removed when the run ends.
        }
    }
}
