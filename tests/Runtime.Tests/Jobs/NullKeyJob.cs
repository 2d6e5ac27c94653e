namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>Emits a null key for the line "null" (a mapper bug the runner must report clearly).</summary>
internal static partial class NullKeyJob
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit) => emit.Emit(line == "null" ? null! : line, 1);

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
