using System.Globalization;

namespace CountWords;

/// <summary>The harness's command line.</summary>
internal sealed class HarnessOptions
{
    public const string Usage =
        "usage: countwords [PATH|-] [--workers N] [--lines] [--expect FILE] [--stats]\n" +
        "  PATH       the text to count (default: standard input)\n" +
        "  --workers  worker count (default: processor count)\n" +
        "  --lines    map decoded string lines with the [Mapper] instead of raw UTF-8 blocks\n" +
        "  --expect   compare the output with FILE (the countwords output.txt) and fail if it differs\n" +
        "  --stats    print timings, allocations and peak working set on standard error";

    public string? Path { get; private set; }

    public int Workers { get; private set; }

    public bool UseLines { get; private set; }

    public string? Expect { get; private set; }

    public bool Stats { get; private set; }

    public static HarnessOptions? Parse(string[] args, out string? error)
    {
        var options = new HarnessOptions();
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--workers":
                    if (i + 1 >= args.Length || !int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out int workers) || workers < 1)
                    {
                        error = "--workers needs a positive number";
                        return null;
                    }

                    options.Workers = workers;
                    break;
                case "--lines":
                    options.UseLines = true;
                    break;
                case "--stats":
                    options.Stats = true;
                    break;
                case "--expect":
                    if (i + 1 >= args.Length)
                    {
                        error = "--expect needs a file";
                        return null;
                    }

                    options.Expect = args[++i];
                    break;
                case "-":
                    options.Path = null;
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) || options.Path is not null)
                    {
                        error = $"unexpected argument '{args[i]}'";
                        return null;
                    }

                    options.Path = args[i];
                    break;
            }
        }

        return options;
    }
}
