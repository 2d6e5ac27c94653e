namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>A <c>long</c> key sorted by key with no <c>[KeyComparer]</c>: the runtime's own order (a fold).</summary>
internal static partial class LongKeyOrderJob
{
    [Mapper]
    public static void Map(long input, Emitter<long, int> emit) => emit.Emit(input, 1);

    [Reducer(SortByKey = true)]
    public static int Reduce(int left, int right) => left + right;
}

/// <summary>A <c>char</c> key sorted by key with no <c>[KeyComparer]</c>, grouping its values.</summary>
internal static partial class CharKeyOrderJob
{
    [Mapper]
    public static void Map(string input, Emitter<char, int> emit)
    {
        foreach (char c in input)
        {
            emit.Emit(c, input.Length);
        }
    }

    [Reducer(SortByKey = true)]
    public static int Reduce(char key, ReadOnlySpan<int> lengths)
    {
        int sum = 0;
        foreach (int length in lengths)
        {
            sum += length;
        }

        return sum;
    }
}
