namespace MapReduceGen;

/// <summary>
/// Where a reducer that outputs records writes them: zero, one or many per key (<c>static void R(TKey key,
/// ReadOnlySpan&lt;TValue&gt; values, RecordOutput&lt;TRecord&gt; output)</c>). A small struct passed by value; each record
/// is appended to the reduce task's own buffer, so writing allocates nothing but the buffer's growth.
/// </summary>
/// <typeparam name="TRecord">The record type.</typeparam>
public readonly struct RecordOutput<TRecord>
{
    private readonly List<TRecord>? _records;

    /// <summary>Creates an output that appends to <paramref name="records"/> (for executors, and to test a reducer).</summary>
    /// <param name="records">The list the records are appended to.</param>
    public RecordOutput(List<TRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        _records = records;
    }

    /// <summary>Writes one record.</summary>
    /// <param name="record">The record.</param>
    public void Add(TRecord record) =>
        (_records ?? throw new InvalidOperationException(
            "This RecordOutput was default-initialized; use the output the runner passes to the reducer.")).Add(record);
}
