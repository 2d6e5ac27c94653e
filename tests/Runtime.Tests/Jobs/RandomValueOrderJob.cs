namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>A [ValueComparer] that answers at random, for the values of a grouping reducer.</summary>
internal static partial class RandomValueOrderJob
{
    [Mapper]
    public static void Map(int input, Emitter<int, int> emit) => emit.Emit(input % 10, input);

    [ValueComparer]
    public static int Compare(int left, int right) => Random.Shared.Next(-1, 2);

    [Reducer]
    public static int Reduce(int key, ReadOnlySpan<int> values) => values.Length;
}
