namespace MapReduceGen.Engine.Definitions;

/// <summary>
/// A sample of an input's items for choosing a total order's split points before a cluster run: evenly spaced items of a
/// list, the first items of other sequences, the first lines of evenly spaced splits of text files.
/// </summary>
internal static class InputSamples
{
    private const int LinesPerSplit = 64;

    public static IEnumerable<TInput> Of<TInput>(JobInput<TInput> input, int wanted)
    {
        if (input.Sequence is { } sequence)
        {
            return sequence switch
            {
                IReadOnlyList<TInput> list => Ordering.SplitPoints.Stride(list.Count, wanted).Select(i => list[i]),
                IList<TInput> list => Ordering.SplitPoints.Stride(list.Count, wanted).Select(i => list[i]),
                _ => sequence.Take(wanted),
            };
        }

        if (input.Source is { } source && typeof(TInput) == typeof(string))
        {
            return (IEnumerable<TInput>)(object)Lines(source, wanted);
        }

        return [];
    }

    private static IEnumerable<string> Lines(TextSource source, int wanted)
    {
        if (source.Stream is not null)
        {
            // A stream can be read once only: it is the run's.
            yield break;
        }

        int splitsWanted = Math.Max(1, wanted / LinesPerSplit);
        long splitBytes = Math.Max(64 * 1024, source.TotalBytes / splitsWanted);
        // Only files of known length: a pipe or FIFO (length 0) would give its first lines to the sample and never to the
        // map task that reads it next.
        List<TextSplit> splits = [.. source.CreateSplits(splitBytes).Where(split => split.FileLength > 0)];
        using var reader = new TextSplitReader();
        foreach (int index in Ordering.SplitPoints.Stride(splits.Count, splitsWanted))
        {
            foreach (string line in FirstLines(reader, splits[index]))
            {
                yield return line;
            }
        }
    }

    // The first lines of a split; none when it cannot be read here (the map phase reports that, with the file).
    private static List<string> FirstLines(TextSplitReader reader, TextSplit split)
    {
        var lines = new List<string>();
        try
        {
            reader.Reset(split);
            while (lines.Count < LinesPerSplit && reader.TryReadLine(out ReadOnlySpan<char> text))
            {
                lines.Add(text.ToString());
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            lines.Clear();
        }

        return lines;
    }
}
