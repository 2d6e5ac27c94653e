using System.Globalization;
using MapReduceGen;
using MapReduceGen.Engine;

namespace Sample.WordCount;

/// <summary>
/// The whole program without the console: parses the arguments, counts, and writes the results to
/// <c>output</c> and messages to <c>error</c>. <c>Program.cs</c> calls it with the console's streams; tests
/// call it with string writers.
/// </summary>
internal static class WordCountApp
{
    /// <summary>The exit status of a successful run (also of <c>--help</c> and <c>--version</c>).</summary>
    public const int ExitSuccess = 0;

    /// <summary>The exit status when the job fails (a <see cref="MapReduceException"/>) or the output cannot be written.</summary>
    public const int ExitFailure = 1;

    /// <summary>The exit status for bad arguments, a missing path or an unreadable file (a line too long to read too).</summary>
    public const int ExitUsageOrInput = 2;

    /// <summary>The exit status after Ctrl+C (128 + SIGINT, as a shell reports a process that SIGINT ended).</summary>
    public const int ExitInterrupted = 130;

    /// <summary>Inputs at least this large get a live progress line when standard error is a terminal.</summary>
    public const long DefaultProgressThreshold = 64L << 20;

    /// <summary>Where the path <c>-</c> (standard input) is read from on Unix: as a path it can be split if it is a file.</summary>
    private const string StandardInputPath = "/dev/stdin";

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
        long progressThreshold = DefaultProgressThreshold) =>
        Run(args, output, error, new AppHost { ErrorIsTerminal = errorIsTerminal, ProgressThreshold = progressThreshold });

    /// <summary>Runs the program with what <paramref name="host"/> gives it.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Standard output: the table or the TSV, and nothing else. Flushed before returning.</param>
    /// <param name="error">Standard error: which worker reads which file (or the progress line), warnings, errors.</param>
    /// <param name="host">The program's name, standard input, terminal, Ctrl+C token.</param>
    /// <returns>The exit status.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, AppHost host)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(host);

        // Workers write to standard error from their own threads; a standard error that cannot be written to (closed,
        // 2>&-) loses the messages, never the run.
        error = TextWriter.Synchronized(new StandardErrorWriter(error));
        var name = host.ProgramName;

        CommandLineResult parsed = CommandLine.Parse(args, name);
        if (!parsed.IsSuccess)
        {
            return Fail(error, name, parsed.Error, ExitUsageOrInput);
        }

        CommandLineOptions cli = parsed.Options;
        if (cli.ShowHelp || cli.ShowVersion)
        {
            return Write(output, error, name, writer => writer.Write(cli.ShowHelp ? CommandLine.Usage(name) : VersionLine(name)));
        }

        var options = new MapReduceOptions { CancellationToken = host.Cancellation };
        if (cli.Workers is int workers)
        {
            options.MaxDegreeOfParallelism = workers;
        }

        // The counts come whole (a small input) or partition by partition: the table keeps the best N as they come, the
        // TSV hands every word to a sorter that holds at most a quarter of the memory the GC may use and sorts the rest on
        // disk, as sort(1) does.
        using var sorter = cli.Tsv ? new CountOrderSorter(host.SortMemoryBudget > 0 ? host.SortMemoryBudget : SortBudget(), host.SortDirectory) : null;
        KeyValuePair<string, int>[] top = [];
        try
        {
            WordCounts counts = cli.Paths.Count == 0
                ? CountDefaultText(error, host, options)
                : CountFiles(cli.Paths, error, host, options);
            if (sorter is not null)
            {
                // Words as the UTF-8 the run stores: no string per word.
                foreach ((ReadOnlyMemory<byte> word, int count) in counts.Utf8Entries(host.Cancellation))
                {
                    sorter.Add(word.Span, count);
                }
            }
            else
            {
                top = WordOrder.Top(counts.Entries(host.Cancellation), cli.Top);
            }
        }
        catch (OperationCanceledException) when (host.Cancellation.IsCancellationRequested)
        {
            return Fail(error, name, "cancelled", ExitInterrupted);
        }
        catch (TextSourceException ex)
        {
            return Fail(error, name, ex.Message, ExitUsageOrInput);
        }
        catch (MapReduceException ex) when (ex.InnerException is TextSourceException inner)
        {
            // Already one line naming the file (and the line): "cannot read 'x.txt': ...".
            return Fail(error, name, inner.Message, ExitUsageOrInput);
        }
        catch (MapReduceException ex) when (ex.InnerException is IOException or UnauthorizedAccessException)
        {
            return Fail(error, name, $"cannot read '{ex.Path}': {ex.InnerException.Message}", ExitUsageOrInput);
        }
        catch (MapReduceException ex)
        {
            // The job itself failed: one line (the message names the phase, the job, the input and what was thrown).
            return Fail(error, name, ex.Message, ExitFailure);
        }
        catch (TemporaryFileException ex)
        {
            // The sorter's temporary file: a full disk, an unwritable temporary folder (TMPDIR).
            return Fail(error, name, ex.Message, ExitFailure);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Anything else is a bug of this program or of the runtime: still one line, never a stack trace.
            return Fail(error, name, $"internal error: {ex.GetType().Name}: {ex.Message}", ExitFailure);
        }

        if (host.Cancellation.IsCancellationRequested)
        {
            return Fail(error, name, "cancelled", ExitInterrupted);
        }

        return Write(output, error, name, writer =>
        {
            if (sorter is not null)
            {
                var tsv = new TsvEntryWriter(writer);
                sorter.WriteTo(ref tsv, host.Cancellation);
            }
            else
            {
                OutputFormatter.WriteTable(writer, cli.Top, top);
            }
        }, host.Cancellation);
    }

    /// <summary>
    /// Writes and flushes standard output; a failure to write (a full disk, <c>&gt; /dev/full</c>) is a one-line error.
    /// </summary>
    private static int Write(TextWriter output, TextWriter error, string name, Action<TextWriter> write, CancellationToken cancellation = default)
    {
        try
        {
            write(output);
            output.Flush();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return Fail(error, name, "cancelled", ExitInterrupted);
        }
        catch (TemporaryFileException ex)
        {
            // Reading back a sorted run, not writing the output.
            return Fail(error, name, ex.Message, ExitFailure);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return CannotWriteOutput(error, name, ex);
        }

        return ExitSuccess;
    }

    /// <summary>
    /// Reports that standard output cannot be written (a full disk, a closed standard output) in one line, and returns
    /// <see cref="ExitFailure"/>.
    /// </summary>
    public static int CannotWriteOutput(TextWriter error, string name, Exception ex)
    {
        // A closed standard output (>&-) comes as "access denied" around the system's "bad file descriptor".
        string reason = ex is UnauthorizedAccessException { InnerException: IOException inner } ? inner.Message : ex.Message;
        return Fail(new StandardErrorWriter(error), name, $"cannot write the output: {reason}", ExitFailure);
    }

    private static string VersionLine(string name) =>
        $"{name} {VersionOf(typeof(WordCountApp).Assembly)} (MapReduceGen {VersionOf(typeof(MapReduceOptions).Assembly)})\n";

    // The assembly version (major.minor.build): reading the informational version's attribute would pull the
    // custom-attribute machinery into the native binary for one line of output.
    private static string VersionOf(System.Reflection.Assembly assembly) =>
        assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    // A quarter of what the GC says this process may use: the run's own budget is half of it (MapReduceOptions.MemoryBudget).
    private static long SortBudget() =>
        Math.Max(CountOrderSorter.MinimumBudget, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);

    private static WordCounts CountDefaultText(TextWriter error, AppHost host, MapReduceOptions options)
    {
        error.WriteLine($"worker 1 reading {DefaultText.Name}");
        var lines = JobInputs.Sequence(DefaultText.ReadLines());

        // A few kilobytes: counted in memory unless told to stream everything.
        return host.InMemoryInputBytes == 0
            ? WordCounts.Streamed(MapReduceEngine.StreamAsync(
                WordCountJob.MapReduceJob.Definition, [lines], TaskContext.Empty(), options, options.CancellationToken))
            : WordCounts.Held(MapReduceEngine.Run(
                WordCountJob.MapReduceJob.Definition, [lines], TaskContext.Empty(), options, options.CancellationToken));
    }

    private static WordCounts CountFiles(
        IReadOnlyList<string> paths, TextWriter error, AppHost host, MapReduceOptions options)
    {
        TextSource source = OpenSource(paths, host, out var standardInput);
        string Display(string path) => standardInput is not null && path == standardInput ? "-" : path;
        foreach (var link in source.BrokenLinks)
        {
            error.WriteLine($"{host.ProgramName}: warning: skipping '{link}': a symbolic link to a file that does not exist");
        }

        if (host.ErrorIsTerminal && source.TotalBytes >= host.ProgressThreshold)
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
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worker {worker + 1} reading {Display(split.Path)}"));
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

            error.WriteLine($"{host.ProgramName}: warning: '{Display(path)}' is not valid UTF-8; invalid bytes were read as U+FFFD");
        };
        return HeldInMemory.Fits(source, host.InMemoryInputBytes ?? HeldInMemory.DefaultLimit)
            ? WordCounts.Held(host.RunText(source, options))
            : WordCounts.Streamed(host.CountText(source, options));
    }

    /// <summary>
    /// The source of the paths. <c>-</c> is standard input: on Unix read as <c>/dev/stdin</c> (so a redirected file is
    /// split and read by every worker, and a pipe is read whole as a stream); elsewhere, alone, as a stream.
    /// </summary>
    private static TextSource OpenSource(IReadOnlyList<string> paths, AppHost host, out string? standardInput)
    {
        standardInput = null;
        if (!paths.Contains("-"))
        {
            return TextSource.FromPaths(paths);
        }

        if (!OperatingSystem.IsWindows() && File.Exists(StandardInputPath))
        {
            standardInput = StandardInputPath;
            return TextSource.FromPaths(paths.Select(p => p == "-" ? StandardInputPath : p));
        }

        if (paths.Count == paths.Count(p => p == "-"))
        {
            return TextSource.FromStream(host.OpenStandardInput(), "-");
        }

        throw new TextSourceException("'-' (standard input) cannot be read beside other paths on this system", "-");
    }

    private static int Fail(TextWriter error, string name, string message, int exitCode)
    {
        error.WriteLine($"{name}: {OneLine(message)}");
        return exitCode;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
