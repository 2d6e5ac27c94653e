namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>String keys, fold reducer, sorted by key (each partition a key range, read through its order).</summary>
internal static partial class SortedWordCountJob
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        foreach (Range range in line.AsSpan().Split(' '))
        {
            ReadOnlySpan<char> word = line.AsSpan(range);
            if (!word.IsEmpty)
            {
                emit.Emit(word, 1);
            }
        }
    }

    [Reducer(SortByKey = true)]
    public static int Reduce(int left, int right) => left + right;
}

/// <summary>String keys, fold reducer, an output order over the results (partitions merged into it).</summary>
internal static partial class WordsByCountJob
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        foreach (Range range in line.AsSpan().Split(' '))
        {
            ReadOnlySpan<char> word = line.AsSpan(range);
            if (!word.IsEmpty)
            {
                emit.Emit(word, 1);
            }
        }
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;

    [OutputComparer]
    public static int MostFirst(int left, int right) => right.CompareTo(left);
}
