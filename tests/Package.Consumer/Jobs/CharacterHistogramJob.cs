using MapReduceGen;

namespace Package.Consumer.Jobs;

/// <summary>
/// Enumerable mapper with a fold reducer and a <see cref="char"/> key: counts every non-white-space character.
/// </summary>
internal static partial class CharacterHistogramJob
{
    [Mapper]
    public static IEnumerable<(char Key, long Value)> Map(string line)
    {
        foreach (char c in line)
        {
            if (!char.IsWhiteSpace(c))
            {
                yield return (c, 1L);
            }
        }
    }

    [Reducer]
    public static long Reduce(long left, long right) => left + right;
}
