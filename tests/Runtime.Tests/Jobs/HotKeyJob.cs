namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>Every input's value goes to one of two keys, and the reducer takes a key's values all at once.</summary>
internal static partial class HotKeyJob
{
    [Mapper]
    public static void Map(int input, Emitter<int, long> emit) => emit.Emit(input % 2 == 0 ? 7 : input % 3, input);

    [Reducer]
    public static long Reduce(int key, ReadOnlySpan<long> values) => values.Length;
}
