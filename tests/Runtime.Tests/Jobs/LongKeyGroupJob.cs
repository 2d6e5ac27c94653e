namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>
/// Long keys beyond the int range, emitter mapper, span grouping reducer whose result lists every value (sorted), so
/// a lost or duplicated value changes the result; static class.
/// </summary>
internal static partial class LongKeyGroupJob
{
    [Mapper]
    public static void Map(int input, Emitter<long, int> emit)
    {
        emit.Emit((1L << 40) + (input * 7919L % 97), input);
        if (input % 10 == 0)
        {
            emit.Emit(long.MinValue + input, input);
        }
    }

    [Reducer]
    public static string Reduce(long key, ReadOnlySpan<int> values)
    {
        int[] sorted = values.ToArray();
        Array.Sort(sorted);
        return string.Join(',', sorted);
    }
}
