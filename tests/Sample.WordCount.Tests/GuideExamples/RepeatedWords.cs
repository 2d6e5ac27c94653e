using MapReduceGen;

// docs/guide.md, "Reducers that write records": a filter with a combiner.

namespace Sample.WordCount.Tests.GuideExamples;

public static partial class RepeatedWords
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

    [Reducer]
    public static void Reduce(string word, int count, RecordOutput<string> output)
    {
        if (count >= 2)
        {
            output.Add($"{word} x{count}");
        }
    }
}
