using MapReduceGen;

namespace TeraSort;

/// <summary>
/// TeraSort as a MapReduceGen job: each record (a line) is emitted under its 10-byte key, and a reducer sorted by key
/// writes every record of each key, so the output holds each input record once (records of equal keys included) in key
/// order. Partitions are key ranges sampled from the data, so the part files, read in order, are globally sorted.
/// </summary>
public static partial class TeraSortJob
{
    /// <summary>Emits (key, record) for one record: the key is its first 10 characters.</summary>
    /// <param name="record">One record as a line, without its line end.</param>
    /// <param name="emit">Where the pair goes.</param>
    [Mapper]
    public static void Map(string record, Emitter<string, string> emit) =>
        emit.Emit(record.AsSpan(0, Math.Min(record.Length, TeraRecord.KeyLength)), record);

    /// <summary>Writes every record of a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="records">The key's records (more than one only when keys repeat).</param>
    /// <param name="output">The output.</param>
    [Reducer(SortByKey = true)]
    public static void Reduce(string key, ReadOnlySpan<string> records, RecordOutput<string> output)
    {
        foreach (string record in records)
        {
            output.Add(record);
        }
    }
}
