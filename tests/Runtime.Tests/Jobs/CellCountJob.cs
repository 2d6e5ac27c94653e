namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>Record struct keys counted: each input is a key, emitter mapper, fold reducer (the flooding tests).</summary>
internal static partial class CellCountJob
{
    [Mapper]
    public static void Map(Cell input, Emitter<Cell, int> emit) => emit.Emit(input, 1);

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
