namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>Long keys counted: each input is a key, emitter mapper, fold reducer (the flooding tests).</summary>
internal static partial class LongCountJob
{
    [Mapper]
    public static void Map(long input, Emitter<long, int> emit) => emit.Emit(input, 1);

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
