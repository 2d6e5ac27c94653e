namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>A [Partitioner] that answers at random: a key's pairs would be split between partitions.</summary>
internal static partial class RandomPartitionerJob
{
    [Mapper]
    public static void Map(int input, Emitter<int, int> emit) => emit.Emit(input % 1000, 1);

    [Partitioner]
    public static int Partition(int key, int partitionCount) => Random.Shared.Next(partitionCount);

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
