namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>
/// The second job of a chain: reads a word count's result (its entries) and groups the words by their count. Its mapper
/// yields <c>KeyValuePair</c>s, as a result's entries are.
/// </summary>
internal static partial class WordsPerCountJob
{
    [Mapper]
    public static IEnumerable<KeyValuePair<int, string>> Map(KeyValuePair<string, int> entry)
    {
        yield return new KeyValuePair<int, string>(entry.Value, entry.Key);
    }

    [Reducer(SortByKey = true)]
    public static string Reduce(int count, IReadOnlyList<string> words) => string.Join(' ', words.Order(StringComparer.Ordinal));
}

/// <summary>A mapper yielding nullable-annotated pairs through a list (any <c>IEnumerable&lt;KeyValuePair&gt;</c> works).</summary>
internal static partial class KeyValueListJob
{
    [Mapper]
    public static List<KeyValuePair<string?, long>> Map(string line) =>
        [new(line.Length == 0 ? "(empty)" : line[..1], line.Length), new("all", 1)];

    [Reducer]
    public static long Reduce(long left, long right) => left + right;
}
