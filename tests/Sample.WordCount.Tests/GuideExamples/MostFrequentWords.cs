using MapReduceGen;

// docs/guide.md, "Ordering": records in an output order, most frequent first.

namespace Sample.WordCount.Tests.GuideExamples;

public static partial class MostFrequentWords
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            emit.Emit(word, 1);
        }
    }

    [Combiner]
    public static int Combine(int left, int right) => left + right;

    [Reducer(SortByKey = true)]
    public static void Reduce(string word, int count, RecordOutput<(string Word, int Count)> output) => output.Add((word, count));

    [OutputComparer]
    public static int MostFirst((string Word, int Count) left, (string Word, int Count) right) => right.Count.CompareTo(left.Count);
}
