namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>
/// Pairs of adjacent words, partitioned by the left word and sorted by the whole pair within each partition: Hadoop's
/// secondary sort (a [Partitioner] with a key order).
/// </summary>
internal static partial class LeftWordPairsJob
{
    [Mapper]
    public static void Map(string line, Emitter<(string Left, string Right), int> emit)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 1; i < words.Length; i++)
        {
            emit.Emit((words[i - 1], words[i]), 1);
        }
    }

    [Reducer(SortByKey = true)]
    public static int Reduce(int left, int right) => left + right;

    [Partitioner]
    public static int ByLeftWord((string Left, string Right) pair, int partitionCount) =>
        (pair.Left.Length == 0 ? 0 : pair.Left[^1]) % partitionCount;
}

/// <summary>Words sorted by a [KeyComparer] (descending) within partitions chosen by their length; a grouping reducer.</summary>
internal static partial class WordsByLengthDescendingJob
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
    public static int Reduce(string word, ReadOnlySpan<int> values) => values.Length;

    [KeyComparer]
    public static int Descending(string left, string right) => string.CompareOrdinal(right, left);

    [Partitioner]
    public static int ByLength(string word, int partitionCount) => word.Length % partitionCount;
}
