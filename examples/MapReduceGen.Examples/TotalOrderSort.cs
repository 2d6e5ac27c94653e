namespace MapReduceGen.Examples;

/// <summary>
/// Hadoop's <c>Sort</c> with the <c>TotalOrderPartitioner</c> (TeraSort's idea): records sorted by key across all
/// partitions. <c>SortByKey</c> makes the partitions key ranges, split where a sample of the keys says (on a cluster the
/// sample is taken before the map tasks partition), so partition <c>i</c>'s keys all precede partition <c>i + 1</c>'s and
/// every partition is sorted in parallel. Records with the same key keep their values in order.
/// </summary>
public static partial class TotalOrderSort
{
    [Mapper]
    public static void Map(SortRecord record, Emitter<string, string> emit) => emit.Emit(record.Key, record.Value);

    [ValueComparer]
    public static int ByValue(string left, string right) => string.CompareOrdinal(left, right);

    [Reducer(SortByKey = true)]
    public static void Reduce(string key, ReadOnlySpan<string> values, RecordOutput<SortRecord> output)
    {
        foreach (string value in values)
        {
            output.Add(new SortRecord(key, value));
        }
    }
}
