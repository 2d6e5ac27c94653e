namespace MapReduceGen.Engine.Reduce;

/// <summary>
/// Where one partition's key loop puts what the user's reducer makes of each key: one result per key (stored at the
/// key's entry index), or records (zero or more per key, in the order they are written). The reducer shapes do not
/// know which: the job's output kind chooses, and the generated reducer call writes through <see cref="KeyOutput{TResult}"/>.
/// </summary>
/// <typeparam name="TResult">The result type, or the record type.</typeparam>
internal sealed class ReduceOutput<TResult>
{
    private ReduceOutput(TResult[]? results, List<TResult>? records)
    {
        Results = results;
        Records = records;
    }

    /// <summary>The results by entry index, or <see langword="null"/> when the job writes records.</summary>
    public TResult[]? Results { get; }

    /// <summary>The records written, in order, or <see langword="null"/> when the job returns a result per key.</summary>
    public List<TResult>? Records { get; }

    /// <summary>An output for a partition of <paramref name="keyCount"/> keys.</summary>
    public static ReduceOutput<TResult> Create(bool writesRecords, int keyCount) =>
        writesRecords ? new ReduceOutput<TResult>(null, []) : new ReduceOutput<TResult>(new TResult[keyCount], null);

    /// <summary>The output of the key at entry index <paramref name="entry"/>.</summary>
    public KeyOutput<TResult> For(int entry) => new(this, entry);
}
