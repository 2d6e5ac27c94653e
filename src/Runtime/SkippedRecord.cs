namespace MapReduceGen;

/// <summary>An input whose mapping threw and was skipped (see <see cref="MapReduceOptions.MaxBadRecords"/>).</summary>
/// <param name="InputIndex">The input's index in the source (for text sources: the 0-based index of the line in its file, <paramref name="LineNumber"/> - 1).</param>
/// <param name="Path">The file the input came from (text sources), else <see langword="null"/>.</param>
/// <param name="LineNumber">The 1-based line number in <paramref name="Path"/> (text sources), else <see langword="null"/>.</param>
/// <param name="Exception">What the mapper threw.</param>
public sealed record SkippedRecord(long InputIndex, string? Path, long? LineNumber, Exception Exception)
{
    /// <summary>
    /// For a job with several inputs (several mappers): the name of the input the record came from (the mapper's input
    /// parameter, as the generated <c>Run</c> names it); otherwise <see langword="null"/>.
    /// </summary>
    public string? InputName { get; init; }
}
