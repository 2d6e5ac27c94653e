namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>Decimal keys counted: each input is a key, emitter mapper, fold reducer (the flooding tests).</summary>
internal static partial class DecimalCountJob
{
    [Mapper]
    public static void Map(decimal input, Emitter<decimal, int> emit) => emit.Emit(input, 1);

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
