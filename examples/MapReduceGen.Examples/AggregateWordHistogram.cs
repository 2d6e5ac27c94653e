namespace MapReduceGen.Examples;

/// <summary>
/// Hadoop's <c>AggregateWordHistogram</c> (its <c>ValueHistogram</c> aggregator over the words): how many distinct words
/// there are, and the minimum, median, maximum, mean and standard deviation of their frequencies. Each line's words are
/// tallied, the combiner adds tallies, and the finishing reducer summarises the one tally.
/// </summary>
public static partial class AggregateWordHistogram
{
    /// <summary>The one key, as Hadoop names it.</summary>
    public const string Key = "WORD_HISTOGRAM";

    [Mapper]
    public static void Map(string line, Emitter<string, WordTally> emit)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string word in Text.Words(line))
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        if (counts.Count > 0)
        {
            emit.Emit(Key, new WordTally(counts));
        }
    }

    [Combiner]
    public static WordTally Combine(WordTally left, WordTally right) => left.Add(right);

    [Reducer]
    public static HistogramSummary Reduce(string key, WordTally tally) => HistogramSummary.Of(tally.Counts.Values);
}
