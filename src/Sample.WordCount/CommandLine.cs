using System.Globalization;

namespace Sample.WordCount;

/// <summary>
/// Parses <c>[PATH...] [--top N] [--tsv] [--workers N]</c>, plus <c>-h</c>/<c>--help</c> and <c>--</c>
/// (every later argument is a PATH). Options may come before, between or after paths, and
/// <c>--top=N</c>/<c>--workers=N</c> work too; when an option is repeated the last one wins.
/// No console access: the caller prints.
/// </summary>
internal static class CommandLine
{
    /// <summary>The name the program calls itself in messages.</summary>
    public const string ProgramName = "wordcount";

    /// <summary>The help text, ending with a line feed.</summary>
    public static string Usage { get; } =
        """
        usage: wordcount [PATH...] [--top N] [--tsv] [--workers N]

        Counts words as the PyMOTW multiprocessing word count does, with MapReduceGen:
        lines starting with ".." are skipped, ASCII punctuation separates words, and
        words are lower-cased and kept if they are all letters and not stop words.

          PATH         a file, a directory (searched recursively) or a glob pattern;
                       with no PATH, the program's own README.md is counted
          --top N      show the N most frequent words (default 20)
          --tsv        print every word as word<TAB>count instead of the table,
                       most frequent first, ties by word
          --workers N  use N workers (default: the number of processors)
          -h, --help   show this help and exit
          --           treat every later argument as a PATH

        Exit status: 0 on success, 2 for bad arguments, a missing path or an
        unreadable file.

        """.ReplaceLineEndings("\n");

    /// <summary>Parses the arguments; never throws for bad input and never touches the console.</summary>
    public static CommandLineResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);

        // Help wins over everything else, even over arguments that would be errors.
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
                // Plain arguments (and "-" alone) are paths.
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
                    return CommandLineResult.Failure($"unknown option '{arg}' (try '{ProgramName} --help')");
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
