namespace MapReduceGen.Examples;

/// <summary>
/// Bigram relative frequency by order inversion (Lin and Dyer, <i>Data-Intensive Text Processing with MapReduce</i>,
/// 3.3): for each pair of adjacent words (a, b), count(a, b) / count(a, *). The mapper emits each pair and (a, *); the
/// <c>[Partitioner]</c> sends every pair of one left word to one partition, the key order brings (a, *) before the (a, b)
/// ('*' sorts before letters), and the reducer's task state (<c>[TaskSetup]</c>) keeps count(a, *) for the pairs that
/// follow it: one pass, no second job, no left word's pairs held in memory.
/// </summary>
public static partial class RelativeFrequency
{
    public const string AnyWord = "*";

    [TaskSetup]
    public static RunningMarginal NewMarginal() => new();

    [Mapper]
    public static void Map(string line, Emitter<(string Left, string Right), long> emit)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 1; i < words.Length; i++)
        {
            emit.Emit((words[i - 1], words[i]), 1);
            emit.Emit((words[i - 1], AnyWord), 1);
        }
    }

    [Combiner]
    public static long Combine(long left, long right) => left + right;

    [Reducer(SortByKey = true)]
    public static void Reduce((string Left, string Right) pair, long count, RecordOutput<BigramFrequency> output, RunningMarginal marginal)
    {
        if (pair.Right == AnyWord)
        {
            marginal.Left = pair.Left;
            marginal.Total = count;
            return;
        }

        if (pair.Left != marginal.Left)
        {
            throw new InvalidOperationException($"({pair.Left}, {pair.Right}) came before ({pair.Left}, {AnyWord}): the partitioner and the key order must bring the marginal first.");
        }

        output.Add(new BigramFrequency(pair.Left, pair.Right, count / (double)marginal.Total));
    }

    /// <summary>By the left word only, the same in every process (FNV-1a: string.GetHashCode differs between processes).</summary>
    [Partitioner]
    public static int ByLeftWord((string Left, string Right) pair, int partitionCount)
    {
        uint hash = 2166136261;
        foreach (char c in pair.Left)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash % (uint)partitionCount);
    }
}
