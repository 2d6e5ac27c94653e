namespace MapReduceGen.Examples;

/// <summary>
/// Hadoop's <c>WordStandardDeviation</c>: the standard deviation of the lengths of the words of a text,
/// <c>sqrt(E[x²] - E[x]²)</c>. The combiner sums counts, lengths and squared lengths; the finishing reducer computes it.
/// </summary>
public static partial class WordStandardDeviation
{
    /// <summary>The one key: the whole text.</summary>
    public const string Key = "std";

    [Mapper]
    public static void Map(string line, Emitter<string, Moments> emit)
    {
        foreach (string word in Text.Words(line))
        {
            emit.Emit(Key, new Moments(1, word.Length, (long)word.Length * word.Length));
        }
    }

    [Combiner]
    public static Moments Combine(Moments left, Moments right) =>
        new(left.Count + right.Count, left.Sum + right.Sum, left.SumOfSquares + right.SumOfSquares);

    [Reducer]
    public static double Reduce(string key, Moments total)
    {
        double mean = (double)total.Sum / total.Count;
        return Math.Sqrt(((double)total.SumOfSquares / total.Count) - (mean * mean));
    }
}
