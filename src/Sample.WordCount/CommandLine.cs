using System.Globalization;

namespace Sample.WordCount;

/// <summary>
/// Parses <c>[PATH...] [--top N] [--tsv] [--workers N]</c>, plus <c>-h</c>/<c>--help</c>, <c>--version</c> and
/// <c>--</c> (every later argument is a PATH); the PATH <c>-</c> is standard input. Options may come before, between or after paths, and
/// <c>--top=N</c>/<c>--workers=N</c> work too; when an option is repeated the last one wins.
/// No console access: the caller prints.
/// </summary>
internal static class CommandLine
{
    /// <summary>The name used when the program's own name is not known (in-process tests).</summary>
    public const string DefaultProgramName = "wordcount";

    /// <summary>The help text of the program called <paramref name="programName"/>, ending with a line feed.</summary>
    public static string Usage(string programName) =>
        $"""
        usage: {programName} [PATH...] [--top N] [--tsv] [--workers N]

        Counts words as the PyMOTW multiprocessing word count does, with MapReduceGen:
        lines starting with ".." are skipped, ASCII punctuation separates words, and
        words are lower-cased and kept if they are all letters and not stop words.

          PATH         a file, a directory (searched recursively) or a glob pattern;
                       - is standard input; with no PATH, the program's own
                       README.md is counted
          --top N      show the N most frequent words (default 20)
          --tsv        print every word as word<TAB>count instead of the table,
                       most frequent first, ties by word (by code point)
          --workers N  use N workers (default: the number of processors)
          -h, --help   show this help and exit
          --version    show the program's version and exit
          --           treat every later argument as a PATH

        Exit status: 0 on success; 1 when the job fails or the output cannot be
        written; 2 for bad arguments, a missing path or an unreadable file (a
        line too long to read too); 130 when interrupted (Ctrl+C).

        """.ReplaceLineEndings("\n");

    /// <summary>
    /// The name of the file the user ran, for messages: the executable's name for a native or apphost program
    /// (<c>Sample.WordCount</c>, or whatever it was renamed to), and the assembly's file name when the <c>dotnet</c>
    /// host runs it (<c>dotnet Sample.WordCount.dll</c> gives <c>Sample.WordCount.dll</c>).
    /// </summary>
    /// <param name="processPath">The running executable (<see cref="Environment.ProcessPath"/>).</param>
    /// <param name="entryAssemblyPath">The program's assembly (the first of <see cref="Environment.GetCommandLineArgs"/>).</param>
    public static string ProgramNameOf(string? processPath, string? entryAssemblyPath)
    {
        var executable = Path.GetFileNameWithoutExtension(processPath);
        if (string.IsNullOrEmpty(executable))
        {
            return DefaultProgramName;
        }

        if (executable.Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            var assembly = Path.GetFileName(entryAssemblyPath);
            return string.IsNullOrEmpty(assembly) ? DefaultProgramName : assembly;
        }

        return OperatingSystem.IsWindows() ? executable : Path.GetFileName(processPath)!;
    }

    /// <summary>Parses the arguments; never throws for bad input and never touches the console.</summary>
    public static CommandLineResult Parse(IReadOnlyList<string> args, string programName = DefaultProgramName)
    {
        ArgumentNullException.ThrowIfNull(args);

        // Help (then the version) wins over everything else, even over arguments that would be errors.
        var version = false;
        foreach (var arg in args)
        {
            if (arg == "--")
            {
                break;
            }

            if (arg is "-h" or "--help")
            {
                return CommandLineResult.Success(new CommandLineOptions { ShowHelp = true });
            }

            version |= arg == "--version";
        }

        if (version)
        {
            return CommandLineResult.Success(new CommandLineOptions { ShowVersion = true });
        }

        var paths = new List<string>();
        var top = CommandLineOptions.DefaultTop;
        var topGiven = false;
        var tsv = false;
        int? workers = null;
        var optionsEnded = false;

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || arg.Length < 2 || arg[0] != '-')
            {
                // Plain arguments (and "-" alone) are paths; an empty one names nothing.
                if (arg.Length == 0)
                {
                    return CommandLineResult.Failure("an empty argument is not a path");
                }

                paths.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                optionsEnded = true;
                continue;
            }

            var equals = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
            var name = equals < 0 ? arg : arg[..equals];
            var inlineValue = equals < 0 ? null : arg[(equals + 1)..];

            switch (name)
            {
                case "--tsv":
                    if (inlineValue is not null)
                    {
                        return CommandLineResult.Failure("option '--tsv' takes no value");
                    }

                    tsv = true;
                    break;

                case "--top":
                case "--workers":
                    string? text;
                    if (inlineValue is not null)
                    {
                        text = inlineValue;
                    }
                    else if (i + 1 < args.Count)
                    {
                        text = args[++i];
                    }
                    else
                    {
                        return CommandLineResult.Failure($"option '{name}' needs a number");
                    }

                    if (!TryParsePositive(text, out var value))
                    {
                        return CommandLineResult.Failure(
                            $"option '{name}' needs a positive whole number, not '{text}'");
                    }

                    if (name == "--top")
                    {
                        top = value;
                        topGiven = true;
                    }
                    else
                    {
                        workers = value;
                    }

                    break;

                default:
                    return CommandLineResult.Failure($"unknown option '{arg}' (try '{programName} --help')");
            }
        }

        return CommandLineResult.Success(new CommandLineOptions
        {
            Paths = paths,
            Top = top,
            TopGiven = topGiven,
            Tsv = tsv,
            Workers = workers,
        });
    }

    private static bool TryParsePositive(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
}
