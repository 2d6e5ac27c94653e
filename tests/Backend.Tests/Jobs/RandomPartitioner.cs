namespace MapReduceGen.Backend.Tests.Jobs;

/// <summary>A [Partitioner] that answers at random: map tasks on different nodes would split a key between partitions.</summary>
public static partial class RandomPartitioner
{
    [Mapper]
    public static void Map(int input, Emitter<int, int> emit) => emit.Emit(input % 500, 1);

    [Partitioner]
    public static int Partition(int key, int partitionCount) => Random.Shared.Next(partitionCount);

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
