namespace MapReduceGen.Orleans.Wire;

/// <summary>An input whose mapping threw and was skipped (<see cref="MapReduceOptions.MaxBadRecords"/>), on the wire.</summary>
[GenerateSerializer]
[Immutable]
[Alias("MapReduceGen.Orleans.SkippedInput")]
internal sealed class SkippedInput
{
    /// <summary>The input's index (sequences: in the whole input; text: the line's number minus one).</summary>
    [Id(0)]
    public long InputIndex { get; init; }

    /// <summary>For text inputs: the file.</summary>
    [Id(1)]
    public string? Path { get; init; }

    /// <summary>For text inputs: the 1-based line number.</summary>
    [Id(2)]
    public long? LineNumber { get; init; }

    /// <summary>What the mapper threw.</summary>
    [Id(3)]
    public Exception? Exception { get; init; }

    /// <summary>For a job with several inputs: the input's name.</summary>
    [Id(4)]
    public string? InputName { get; init; }

    /// <summary>The runtime's record of it.</summary>
    public static SkippedInput From(SkippedRecord record) => new()
    {
        InputIndex = record.InputIndex,
        Path = record.Path,
        LineNumber = record.LineNumber,
        Exception = record.Exception,
        InputName = record.InputName,
    };

    public SkippedRecord ToRecord() =>
        new(InputIndex, Path, LineNumber, Exception ?? new InvalidOperationException("The mapper threw.")) { InputName = InputName };
}
