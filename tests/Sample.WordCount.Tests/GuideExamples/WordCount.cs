using MapReduceGen;

namespace Sample.WordCount.Tests.GuideExamples;

// docs/guide.md, "A first job".
public static partial class WordCount
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            emit.Emit(word.ToLowerInvariant(), 1);
        }
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
