namespace MapReduceGen.Orleans.Wire;

/// <summary>
/// What every task of one run needs besides its input: the run's parameters and, for a job sorted by key, the split
/// points of its key ranges (both encoded by Orleans' serializer). Encoded once per run and sent with each task.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("MapReduceGen.Orleans.JobRunData")]
internal sealed class JobRunData
{
    /// <summary>The run's parameters, or <see langword="null"/> for a job without.</summary>
    [Id(0)]
    public byte[]? Parameters { get; init; }

    /// <summary>A total order's split points (<c>TKey[]</c>), or <see langword="null"/>.</summary>
    [Id(1)]
    public byte[]? SplitPoints { get; init; }
}
