using System.Globalization;
using MapReduceGen;

namespace Sample.WordCount;

/// <summary>
/// The whole program without the console: parses the arguments, counts, and writes the results to
/// <c>output</c> and messages to <c>error</c>. <c>Program.cs</c> calls it with the console's streams; tests
/// call it with string writers.
/// </summary>
internal static class WordCountApp
{
    /// <summary>The exit status of a successful run (also of <c>--help</c>).</summary>
    public const int ExitSuccess = 0;

    /// <summary>The exit status for bad arguments, a missing path or an unreadable file.</summary>
    public const int ExitUsageOrInput = 2;

    /// <summary>Inputs at least this large get a live progress line when standard error is a terminal.</summary>
    public const long DefaultProgressThreshold = 64L << 20;

    /// <summary>Runs the program.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Standard output: the table or the TSV, and nothing else.</param>
    /// <param name="error">Standard error: which worker reads which file (or the progress line), warnings, errors.</param>
    /// <param name="errorIsTerminal">Whether standard error is a terminal (then large inputs get a progress line).</param>
    /// <param name="progressThreshold">The input size from which the progress line replaces the per-file lines.</param>
    /// <returns>The exit status.</returns>
    public static int Run(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        bool errorIsTerminal,
        long progressThreshold = DefaultProgressThreshold)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        // Workers write to standard error from their own threads.
        error = TextWriter.Synchronized(error);

        CommandLineResult parsed = CommandLine.Parse(args);
        if (!parsed.IsSuccess)
        {
            return Fail(error, parsed.Error);
        }

        CommandLineOptions cli = parsed.Options;
        if (cli.ShowHelp)
        {
            output.Write(CommandLine.Usage);
            return ExitSuccess;
        }

        var options = new MapReduceOptions();
        if (cli.Workers is int workers)
        {
            options.MaxDegreeOfParallelism = workers;
        }

        MapReduceResult<string, int> counts;
        try
        {
            counts = cli.Paths.Count == 0
                ? CountDefaultText(error, options)
                : CountFiles(cli.Paths, error, errorIsTerminal, progressThreshold, options);
        }
        catch (TextSourceException ex)
        {
            return Fail(error, ex.Message);
        }
        catch (MapReduceException ex) when (ex.InnerException is TextSourceException inner)
        {
            // Already one line naming the file: "cannot read 'x.txt': ...".
            return Fail(error, inner.Message);
        }
        catch (MapReduceException ex) when (ex.InnerException is IOException or UnauthorizedAccessException)
        {
            return Fail(error, $"cannot read '{ex.Path}': {OneLine(ex.InnerException.Message)}");
        }

        if (cli.Tsv)
        {
            OutputFormatter.WriteTsv(output, counts.Top(counts.Count));
        }
        else
        {
            OutputFormatter.WriteTable(output, cli.Top, counts.Top(cli.Top));
        }

        return ExitSuccess;
    }

    private static MapReduceResult<string, int> CountDefaultText(TextWriter error, MapReduceOptions options)
    {
        error.WriteLine($"worker 1 reading {DefaultText.Name}");
        return WordCountJob.Run(DefaultText.ReadLines(), options);
    }

    private static MapReduceResult<string, int> CountFiles(
        IReadOnlyList<string> paths, TextWriter error, bool errorIsTerminal, long progressThreshold, MapReduceOptions options)
    {
        TextSource source = TextSource.FromPaths(paths);
        if (errorIsTerminal && source.TotalBytes >= progressThreshold)
        {
            options.Progress = new ProgressLine(error);
            options.ProgressInterval = TimeSpan.FromMilliseconds(250);
        }
        else
        {
            source.SplitStarted = (worker, split) =>
            {
                if (split.IsFirstSplitOfFile)
                {
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worker {worker + 1} reading {split.Path}"));
                }
            };
        }

        // Reported once per split: warn once per file.
        var warned = new HashSet<string>(StringComparer.Ordinal);
        source.InvalidUtf8Found = path =>
        {
            lock (warned)
            {
                if (!warned.Add(path))
                {
                    return;
                }
            }

            error.WriteLine($"{CommandLine.ProgramName}: warning: '{path}' is not valid UTF-8; invalid bytes were read as U+FFFD");
        };
        return WordCountJob.Run(source, options);
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"{CommandLine.ProgramName}: {message}");
        return ExitUsageOrInput;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
