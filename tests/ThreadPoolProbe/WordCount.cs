using MapReduceGen;

namespace ThreadPoolProbe;

/// <summary>Counts space-separated words.</summary>
public static partial class WordCount
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            emit.Emit(word, 1);
        }
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
