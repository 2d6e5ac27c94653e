namespace MapReduceGen.Examples;

/// <summary>
/// Hadoop's <c>WordMean</c>: the mean length of the words of a text. A combiner sums (count, length) pairs map-side as
/// words are emitted; the finishing reducer divides, once, for the single key: nothing is left for the driver.
/// </summary>
public static partial class WordMean
{
    /// <summary>The one key: the whole text.</summary>
    public const string Key = "mean";

    [Mapper]
    public static void Map(string line, Emitter<string, LengthSum> emit)
    {
        foreach (string word in Text.Words(line))
        {
            emit.Emit(Key, new LengthSum(1, word.Length));
        }
    }

    [Combiner]
    public static LengthSum Combine(LengthSum left, LengthSum right) => new(left.Count + right.Count, left.Length + right.Length);

    [Reducer]
    public static double Reduce(string key, LengthSum total) => (double)total.Length / total.Count;
}
