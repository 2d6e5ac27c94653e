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
}
