using MapReduceGen;

namespace Package.Consumer.Jobs;

/// <summary>
/// Enumerable mapper (unnamed tuple elements) with the list reducer and an <see cref="int"/> key: groups the
/// white-space separated words of the input by length and lists the distinct ones in ordinal order.
/// </summary>
internal static partial class WordsByLengthJob
{
    [Mapper]
    public static IEnumerable<(int, string)> Map(string line) =>
        line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(word => (word.Length, word));

    [Reducer]
    public static string Reduce(int length, IReadOnlyList<string> words) =>
        string.Join(' ', words.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
