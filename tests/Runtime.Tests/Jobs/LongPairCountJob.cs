namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>
/// Tuple keys counted with a combiner and a finishing reducer: the generator's definition-shaped job (the flooding
/// tests; <see cref="CellCountJob"/> is the original shape).
/// </summary>
internal static partial class LongPairCountJob
{
    [Mapper]
    public static void Map((long, long) input, Emitter<(long, long), int> emit) => emit.Emit(input, 1);

    [Combiner]
    public static int Combine(int left, int right) => left + right;

    [Reducer]
    public static int Reduce((long, long) key, int count) => count;
}
