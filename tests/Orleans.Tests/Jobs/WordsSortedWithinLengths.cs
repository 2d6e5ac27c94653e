namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>A [Partitioner] with a key order: words partitioned by length, each partition sorted (no total order).</summary>
public static partial class WordsSortedWithinLengths
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
    public static int Reduce(int left, int right) => left + right;

    [Partitioner]
    public static int ByLength(string word, int partitionCount) => word.Length % partitionCount;
}
