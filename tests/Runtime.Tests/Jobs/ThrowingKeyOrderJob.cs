namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>Sorted by a [KeyComparer] that throws when it meets the key 13.</summary>
internal static partial class ThrowingKeyOrderJob
{
    [Mapper]
    public static void Map(int input, Emitter<int, int> emit) => emit.Emit(input % 100, 1);

    [KeyComparer]
    public static int Compare(int left, int right) =>
        left == 13 || right == 13 ? throw new FormatException("13 has no place") : left.CompareTo(right);

    [Reducer(SortByKey = true)]
    public static int Reduce(int left, int right) => left + right;
}
