using MapReduceGen;
using MapReduceGen.Engine;

namespace Sample.WordCount;

/// <summary>
/// What the process gives <see cref="WordCountApp"/> besides its arguments and two writers: its name, standard
/// input, whether standard error is a terminal, and the token Ctrl+C cancels. Tests make their own.
/// </summary>
internal sealed class AppHost
{
    /// <summary>The name the program calls itself in messages and in the usage (see <see cref="CommandLine.ProgramNameOf"/>).</summary>
    public string ProgramName { get; init; } = CommandLine.DefaultProgramName;

    /// <summary>Whether standard error is a terminal (then large inputs get a progress line).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The input size from which the progress line replaces the per-file lines.</summary>
    public long ProgressThreshold { get; init; } = WordCountApp.DefaultProgressThreshold;

    /// <summary>Cancelled by Ctrl+C (SIGINT): the run stops and the program exits 130.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Opens standard input, for the path <c>-</c> where <c>/dev/stdin</c> does not exist.</summary>
    public Func<Stream> OpenStandardInput { get; init; } = Console.OpenStandardInput;

    /// <summary>
    /// The bytes the <c>--tsv</c> sorter may hold before it sorts on disk; <c>0</c>: a quarter of what the GC says this
    /// process may use (at least <see cref="CountOrderSorter.MinimumBudget"/>). Tests give a few kilobytes.
    /// </summary>
    public long SortMemoryBudget { get; init; }

    /// <summary>Where the <c>--tsv</c> sorter's temporary file goes; <see langword="null"/>: the system's temporary folder (<c>TMPDIR</c>).</summary>
    public string? SortDirectory { get; init; }

    /// <summary>
    /// Counts the words of a text source, with the job's UTF-8 block mapper (no string per line), and hands the counts
    /// over partition by partition as they are reduced, so no result has to fit in memory; tests substitute other jobs.
    /// </summary>
    public Func<TextSource, MapReduceOptions, IAsyncEnumerable<MapReducePartition<string, int>>> CountText { get; init; } =
        static (source, options) => MapReduceEngine.StreamAsync(
            WordCountJob.MapReduceJob.Definition, [JobInputs.Utf8Lines<WordCountJob, string, int>(source)], TaskContext.Empty(), options,
            options.CancellationToken);

    /// <summary>
    /// Counts the words of a text source known to be small (see <see cref="InMemoryInputBytes"/>) in one run whose result
    /// is held whole: no hand-over of parts between threads, which costs a small input more than its counting does.
    /// </summary>
    public Func<TextSource, MapReduceOptions, MapReduceResult<string, int>> RunText { get; init; } =
        static (source, options) => MapReduceEngine.Run(
            WordCountJob.MapReduceJob.Definition, [JobInputs.Utf8Lines<WordCountJob, string, int>(source)], TaskContext.Empty(), options,
            options.CancellationToken);

    /// <summary>
    /// Files of at most this many bytes in all (and the embedded default text) are counted by <see cref="RunText"/>;
    /// larger inputs, standard input and files of unknown length by <see cref="CountText"/>. <see langword="null"/>:
    /// <see cref="HeldInMemory.DefaultLimit"/>. 0: always streamed.
    /// </summary>
    public long? InMemoryInputBytes { get; init; }
}
