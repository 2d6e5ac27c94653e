namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>An [OutputComparer] that always throws; with one key per partition it first runs merging the partitions.</summary>
internal static partial class ThrowingOutputOrderJob
{
    [Mapper]
    public static void Map(int input, Emitter<int, int> emit) => emit.Emit(input, 1);

    [Reducer]
    public static int Reduce(int left, int right) => left + right;

    [OutputComparer]
    public static int Compare(int left, int right) => throw new FormatException("no order today");
}
