using MapReduceGen;

namespace Sample.WordCount;

/// <summary>
/// Which inputs are counted with the result held whole instead of streamed (the sample and the countwords harness, which
/// links this file): files whose lengths are known and add up to little. Handing parts between threads costs a small
/// input more than counting it; standard input, pipes and devices (length 0 until read), gzip files and large inputs
/// are streamed, so no input has to fit in memory.
/// </summary>
internal static class HeldInMemory
{
    /// <summary>
    /// A 64th of the memory the GC says this process may use (a 32nd of the run's default memory budget): the result of
    /// the largest input held whole, every word distinct, still fits in that budget.
    /// </summary>
    public static long DefaultLimit => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 64;

    /// <summary>
    /// Whether <paramref name="source"/> is files of known length, at most <paramref name="limit"/> bytes in all. A
    /// gzip file's length is that of its compressed bytes, which says little of its text (often ten times more), so it
    /// is streamed too.
    /// </summary>
    public static bool Fits(TextSource source, long limit) =>
        source.Stream is null && source.FileLengths.Count > 0 && source.FileLengths.All(length => length > 0)
        && !source.Files.Any(TextSource.IsCompressed) && source.TotalBytes <= limit;
}
