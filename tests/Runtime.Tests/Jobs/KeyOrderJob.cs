namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>String keys sorted by key: each input is one key, as it is (even with lone surrogates), counted.</summary>
internal static partial class KeyOrderJob
{
    [Mapper]
    public static void Map(string input, Emitter<string, int> emit) => emit.Emit(input, 1);

    [Reducer(SortByKey = true)]
    public static int Reduce(int left, int right) => left + right;
}
