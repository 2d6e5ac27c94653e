namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>DateTime keys counted: each input is a key, emitter mapper, fold reducer (the flooding tests).</summary>
internal static partial class DateCountJob
{
    [Mapper]
    public static void Map(DateTime input, Emitter<DateTime, int> emit) => emit.Emit(input, 1);

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
