namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>A job that no silo registers.</summary>
public static partial class UnregisteredJob
{
    [Mapper]
    public static void Map(string input, Emitter<string, int> emit) => emit.Emit(input, 1);

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
