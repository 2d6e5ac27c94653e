namespace MapReduceGen.Backend.Tests.Jobs;

/// <summary>Every word with its occurrences, in word order across partitions: values kept per key, no combiner.</summary>
public static partial class SortedWords
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            emit.Emit(word, 1);
        }
    }

    [Reducer(SortByKey = true)]
    public static int Reduce(string word, ReadOnlySpan<int> ones) => ones.Length;
}
