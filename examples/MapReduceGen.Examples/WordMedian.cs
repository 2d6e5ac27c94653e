namespace MapReduceGen.Examples;

/// <summary>
/// Hadoop's <c>WordMedian</c>: the median length of the words of a text. Each line's word lengths become a histogram,
/// the combiner adds histograms, and the finishing reducer walks the one histogram to the middle: the middle length, or
/// the mean of the two middle lengths when the number of words is even (as Hadoop's does).
/// </summary>
public static partial class WordMedian
{
    /// <summary>The one key: the whole text.</summary>
    public const string Key = "median";

    [Mapper]
    public static void Map(string line, Emitter<string, LengthHistogram> emit)
    {
        if (LengthHistogram.Of(Text.Words(line)) is { } histogram)
        {
            emit.Emit(Key, histogram);
        }
    }

    [Combiner]
    public static LengthHistogram Combine(LengthHistogram left, LengthHistogram right) => left.Add(right);

    [Reducer]
    public static double Reduce(string key, LengthHistogram histogram)
    {
        long total = histogram.Counts.Sum();
        long lower = LengthAt(histogram, (total - 1) / 2);
        long upper = LengthAt(histogram, total / 2);
        return (lower + upper) / 2.0;
    }

    // The length of the word at a position in length order.
    private static long LengthAt(LengthHistogram histogram, long position)
    {
        long seen = 0;
        for (int length = 0; length < histogram.Counts.Length; length++)
        {
            seen += histogram.Counts[length];
            if (seen > position)
            {
                return length;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(position));
    }
}
