namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>Enum keys, enumerable mapper, list grouping reducer (LINQ) with a record result; non-static class.</summary>
internal partial class ColorSummaryJob
{
    [Mapper]
    public static IEnumerable<(Color, int)> Map(int input) => [((Color)(input % 5), input)];

    [Reducer]
    public static Summary Reduce(Color key, IReadOnlyList<int> values) =>
        new(values.Count, values.Sum(v => (long)v), values.Min(), values.Max());
}
