namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>A job of the original shape with a record key: counts months.</summary>
internal static partial class MonthCountJob
{
    [Mapper]
    public static void Map(int month, Emitter<Month, int> emit) => emit.Emit(new Month(2024, month), 1);

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
