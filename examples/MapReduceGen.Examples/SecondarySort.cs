namespace MapReduceGen.Examples;

/// <summary>
/// Hadoop's <c>SecondarySort</c>: pairs of integers grouped by their first and, within a group, sorted by their second.
/// The keys come out sorted (<c>SortByKey</c>) and the values of each key reach the reducer sorted by the
/// <c>[ValueComparer]</c>; the reducer writes the pairs back out in that order.
/// </summary>
public static partial class SecondarySort
{
    [Mapper]
    public static void Map(IntPair pair, Emitter<int, int> emit) => emit.Emit(pair.First, pair.Second);

    [ValueComparer]
    public static int BySecond(int left, int right) => left.CompareTo(right);

    [Reducer(SortByKey = true)]
    public static void Reduce(int first, ReadOnlySpan<int> seconds, RecordOutput<IntPair> output)
    {
        foreach (int second in seconds)
        {
            output.Add(new IntPair(first, second));
        }
    }
}
