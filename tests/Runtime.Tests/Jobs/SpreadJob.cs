namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>
/// The stress job: every input is its own key, and every input also adds to one of 16 hot keys, so the grouping
/// reducer sees millions of keys with one value and a few keys with very many values.
/// </summary>
internal static partial class SpreadJob
{
    public const int HotKeys = 16;

    [Mapper]
    public static void Map(int input, Emitter<int, int> emit)
    {
        emit.Emit(input, input);
        emit.Emit(-1 - (input % HotKeys), input);
    }

    [Reducer]
    public static long Reduce(int key, ReadOnlySpan<int> values)
    {
        long sum = 0;
        foreach (int value in values)
        {
            sum += value;
        }

        return sum * 4 + values.Length;
    }
}
