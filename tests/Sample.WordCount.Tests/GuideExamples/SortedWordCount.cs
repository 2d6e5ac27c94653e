using MapReduceGen;

// docs/guide.md, "Ordering": sorted by key (key-range partitions).

namespace Sample.WordCount.Tests.GuideExamples;

public static partial class SortedWordCount
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            emit.Emit(word, 1);
        }
    }

    [Reducer(SortByKey = true)]
    public static int Reduce(int left, int right) => left + right;
}
