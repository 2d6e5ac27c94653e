namespace MapReduceGen;

/// <summary>
/// A byte range of one input file, read by one map task. A split owns the lines whose first byte lies in
/// [<see cref="Start"/>, <see cref="Start"/> + <see cref="Length"/>): a split that does not start at offset 0 skips the
/// partial line before its first line start, and its last line is read to its end even past the end of the range
/// (the Hadoop TextInputFormat rule). So the splits of a file together yield every line of the file exactly once.
/// </summary>
/// <param name="FileIndex">The index of the file in <see cref="TextSource.Files"/>.</param>
/// <param name="Path">The path of the file.</param>
/// <param name="Start">The byte offset where the range starts.</param>
/// <param name="Length">The number of bytes in the range; 0 only for the single split of an empty file.</param>
public readonly record struct TextSplit(int FileIndex, string Path, long Start, long Length)
{
    /// <summary>The byte offset just past the range.</summary>
    public long End => Start + Length;

    /// <summary>
    /// Whether this is the first split of its file (it starts at offset 0, so it owns the file's first line and
    /// its line numbers count from 1).
    /// </summary>
    public bool IsFirstSplitOfFile => Start == 0;

    /// <summary>
    /// The length the file had when its <see cref="TextSource"/> was created. The reader reads no byte at or past it,
    /// so a file that grows during the run (a log being appended to) is read as it was, not chased to its new end.
    /// <c>0</c> when unknown (a split made by hand, a pipe): the reader then reads to the end of the data.
    /// </summary>
    public long FileLength { get; init; }

    /// <summary>The longest line, in UTF-16 characters, the reader hands out (<see cref="TextSource.MaxLineChars"/>); 0 for the longest string.</summary>
    public int MaxLineChars { get; init; }

    /// <summary>The longest line, in bytes, a block read holds (<see cref="TextSource.MaxLineBytes"/>); 0 for the largest byte array.</summary>
    public int MaxLineBytes { get; init; }
}
