using MapReduceGen;
using Sample.WordCount;

// Sample.WordCount: the seed's word count on MapReduceGen. See README.md (also the text it counts by default).
CommandLineResult parsed = CommandLine.Parse(args);
if (!parsed.IsSuccess)
{
    return Fail(parsed.Error);
}

CommandLineOptions cli = parsed.Options;
if (cli.ShowHelp)
{
    Console.Out.Write(CommandLine.Usage);
    return 0;
}

var options = new MapReduceOptions();
if (cli.Workers is int workers)
{
    options.MaxDegreeOfParallelism = workers;
}

TextWriter error = Console.Error;
MapReduceResult<string, int> counts;
try
{
    if (cli.Paths.Count == 0)
    {
        error.WriteLine($"worker 1 reading {DefaultText.Name}");
        counts = WordCountJob.Run(DefaultText.ReadLines(), options);
    }
    else
    {
        TextSource source = TextSource.FromPaths(cli.Paths);
        const long LargeInput = 64L << 20;
        if (!Console.IsErrorRedirected && source.TotalBytes >= LargeInput)
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
                    error.WriteLine($"worker {worker + 1} reading {split.Path}");
                }
            };
        }

        source.InvalidUtf8Found = path =>
            error.WriteLine($"{CommandLine.ProgramName}: warning: '{path}' is not valid UTF-8; invalid bytes were read as U+FFFD");
        counts = WordCountJob.Run(source, options);
    }
}
catch (TextSourceException ex)
{
    return Fail(ex.Message);
}
catch (MapReduceException ex) when (ex.InnerException is IOException or UnauthorizedAccessException)
{
    return Fail($"cannot read '{ex.Path}': {ex.InnerException.Message}");
}

using var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);
if (cli.Tsv)
{
    OutputFormatter.WriteTsv(output, counts.Top(counts.Count));
}
else
{
    OutputFormatter.WriteTable(output, cli.Top, counts.Top(cli.Top));
}

return 0;

static int Fail(string message)
{
    Console.Error.WriteLine($"{CommandLine.ProgramName}: {message}");
    return 2;
}
