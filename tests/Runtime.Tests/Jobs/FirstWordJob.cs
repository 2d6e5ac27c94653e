namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>String keys over text lines with a list grouping reducer: per first word, the sorted line lengths.</summary>
internal static partial class FirstWordJob
{
    [Mapper]
    public static IEnumerable<(string, int)> Map(string line)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 0)
        {
            yield return (words[0], line.Length);
        }
    }

    [Reducer]
    public static string Reduce(string key, IReadOnlyList<int> values) => string.Join(',', values.Order());
}
