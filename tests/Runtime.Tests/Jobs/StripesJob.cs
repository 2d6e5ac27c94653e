namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>
/// Word co-occurrence as stripes (Lin and Dyer): for each word, a map of the words that follow it on a line to their
/// counts. The fold and the combiner add the right stripe into the left one and return the left one, mutated, as
/// Spark allows and docs/guide.md says is safe.
/// </summary>
internal static partial class StripesJob
{
    [Mapper]
    public static void Map(string line, Emitter<string, Dictionary<string, int>> emit)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i + 1 < words.Length; i++)
        {
            // A new stripe per pair: the fold may mutate it later.
            emit.Emit(words[i], new Dictionary<string, int>(StringComparer.Ordinal) { [words[i + 1]] = 1 });
        }
    }

    [Reducer]
    public static Dictionary<string, int> Reduce(Dictionary<string, int> left, Dictionary<string, int> right)
    {
        foreach ((string word, int count) in right)
        {
            left[word] = left.GetValueOrDefault(word) + count;
        }

        return left;
    }
}
