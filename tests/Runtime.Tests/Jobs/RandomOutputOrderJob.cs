namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>An [OutputComparer] that answers at random: no order can satisfy it.</summary>
internal static partial class RandomOutputOrderJob
{
    [Mapper]
    public static void Map(int input, Emitter<int, int> emit) => emit.Emit(input % 1000, input);

    [Reducer]
    public static int Reduce(int left, int right) => left + right;

    [OutputComparer]
    public static int Compare(int left, int right) => Random.Shared.Next(-1, 2);
}
