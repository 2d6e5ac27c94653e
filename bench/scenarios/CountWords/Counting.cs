using MapReduceGen;
using MapReduceGen.Engine;

namespace CountWords;

/// <summary>
/// Runs the count and hands its entries over partition by partition as they are reduced (the result never has to fit
/// in memory), or whole for a small file: over raw UTF-8 blocks of lines, or over decoded lines with the <c>[Mapper]</c>
/// (<c>--lines</c>).
/// </summary>
internal static class Counting
{
    public static JobInput<string> Input(TextSource source, bool useLines) =>
        useLines ? JobInputs.Lines(source) : JobInputs.Utf8Lines<CountWordsJob, string, int>(source);

    public static IAsyncEnumerable<MapReducePartition<string, int>> Stream(JobInput<string> input, MapReduceOptions options) =>
        MapReduceEngine.StreamAsync(CountWordsJob.MapReduceJob.Definition, [input], TaskContext.Empty(), options);

    /// <summary>The count with its result held whole, for a file known to be small (Sample.WordCount's <c>HeldInMemory</c>).</summary>
    public static MapReduceResult<string, int> Run(JobInput<string> input, MapReduceOptions options) =>
        MapReduceEngine.Run(CountWordsJob.MapReduceJob.Definition, [input], TaskContext.Empty(), options);
}
