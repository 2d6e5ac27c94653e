namespace MapReduceGen.Orleans.Wire;

/// <summary>A byte range of a text file that a map task reads (a <see cref="TextSplit"/> on the wire).</summary>
[GenerateSerializer]
[Immutable]
[Alias("MapReduceGen.Orleans.TextSplitSpec")]
internal sealed class TextSplitSpec
{
    /// <summary>The file's index in the source.</summary>
    [Id(0)]
    public int FileIndex { get; init; }

    /// <summary>The file's path, which must be readable at the same path on every silo.</summary>
    [Id(1)]
    public string Path { get; init; } = string.Empty;

    /// <summary>The first byte of the range.</summary>
    [Id(2)]
    public long Start { get; init; }

    /// <summary>The number of bytes in the range.</summary>
    [Id(3)]
    public long Length { get; init; }

    /// <summary>
    /// The file's length when the run's <see cref="TextSource"/> was created (<see cref="TextSplit.FileLength"/>): the
    /// silo reads no byte at or past it, so a file that grows during the run is read as it was; 0 when unknown.
    /// </summary>
    [Id(4)]
    public long FileLength { get; init; }

    /// <summary>The longest line in characters (<c>TextSplit.MaxLineChars</c>); 0 for the reader's default.</summary>
    [Id(5)]
    public int MaxLineChars { get; init; }

    /// <summary>The longest line in bytes (<c>TextSplit.MaxLineBytes</c>); 0 for the reader's default.</summary>
    [Id(6)]
    public int MaxLineBytes { get; init; }

    /// <summary>The split as the runtime's reader takes it.</summary>
    public TextSplit ToTextSplit() =>
        new(FileIndex, Path, Start, Length) { FileLength = FileLength, MaxLineChars = MaxLineChars, MaxLineBytes = MaxLineBytes };

    /// <summary>Converts a runtime split.</summary>
    public static TextSplitSpec From(TextSplit split) =>
        new()
        {
            FileIndex = split.FileIndex,
            Path = split.Path,
            Start = split.Start,
            Length = split.Length,
            FileLength = split.FileLength,
            MaxLineChars = split.MaxLineChars,
            MaxLineBytes = split.MaxLineBytes,
        };
}
