namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>Sorted by a [KeyComparer] that answers at random: key ranges and sorting cannot agree.</summary>
internal static partial class RandomKeyOrderJob
{
    [Mapper]
    public static void Map(int input, Emitter<int, int> emit) => emit.Emit(input % 1000, 1);

    [KeyComparer]
    public static int Compare(int left, int right) => Random.Shared.Next(-1, 2);

    [Reducer(SortByKey = true)]
    public static int Reduce(int left, int right) => left + right;
}
