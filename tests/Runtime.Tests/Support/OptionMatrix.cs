namespace MapReduceGen.Runtime.Tests.Support;

/// <summary>
/// Every combination of worker count 1..8, partition count {1, 2, 3, 7, 64} and chunk size {1, 3, 64, automatic};
/// the input shape and the seed rotate with the combination, so each shape meets every worker count and every
/// partition count while the number of runs stays at 160 per job.
/// </summary>
internal static class OptionMatrix
{
    public static readonly int[] PartitionCounts = [1, 2, 3, 7, 64];
    public static readonly int[] ChunkSizes = [1, 3, 64, 0];

    public static IEnumerable<OptionCase> All(int salt)
    {
        int index = 0;
        for (int workers = 1; workers <= 8; workers++)
        {
            foreach (int partitions in PartitionCounts)
            {
                foreach (int chunk in ChunkSizes)
                {
                    InputShape shape = InputShapes.All[(index + workers) % InputShapes.All.Length];
                    yield return new OptionCase(workers, partitions, chunk, shape, (salt * 1000) + index);
                    index++;
                }
            }
        }
    }

    /// <summary>Random input sizes: mostly a few hundred, sometimes none or one (the edges).</summary>
    public static int InputCount(Random random) => random.Next(12) switch
    {
        0 => 0,
        1 => 1,
        _ => random.Next(2, 5000),
    };
}
