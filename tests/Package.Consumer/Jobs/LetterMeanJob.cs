using MapReduceGen;

namespace Package.Consumer.Jobs;

/// <summary>
/// The job model under Native AOT: run parameters and counters in the mapper, a combiner with a finishing reducer, and
/// output sorted by key (key-range partitions).
/// </summary>
internal static partial class LetterMeanJob
{
    [Mapper]
    public static void Map(string line, Emitter<char, (long Sum, long Count)> emit, int minimumLength, Counters counters)
    {
        foreach (string word in line.Split([' ', '\t', ',', '.', ';', '-', '\'', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length >= minimumLength)
            {
                counters.Increment("words");
                emit.Emit(char.ToLowerInvariant(word[0]), (word.Length, 1));
            }
        }
    }

    [Combiner]
    public static (long Sum, long Count) Combine((long Sum, long Count) left, (long Sum, long Count) right) =>
        (left.Sum + right.Sum, left.Count + right.Count);

    [Reducer(SortByKey = true)]
    public static double Reduce(char letter, (long Sum, long Count) total) => (double)total.Sum / total.Count;
}
