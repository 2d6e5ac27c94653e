namespace Sample.WordCount;

/// <summary>What the command line asks for.</summary>
internal sealed class CommandLineOptions
{
    /// <summary>How many words the table shows when <c>--top</c> is not given (the seed's 20).</summary>
    public const int DefaultTop = 20;

    /// <summary>The files, directories and glob patterns to count, in order (<c>-</c>: standard input); empty: count the embedded default text.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>How many words the table shows (<c>--top N</c>); always positive.</summary>
    public int Top { get; init; } = DefaultTop;

    /// <summary>Whether <c>--top</c> was given.</summary>
    public bool TopGiven { get; init; }

    /// <summary>Print every word as <c>word&lt;TAB&gt;count</c> instead of the table (<c>--tsv</c>).</summary>
    public bool Tsv { get; init; }

    /// <summary>The number of workers (<c>--workers N</c>), always positive; null: the framework's default (processor count).</summary>
    public int? Workers { get; init; }

    /// <summary>Whether <c>-h</c> or <c>--help</c> was given: print <see cref="CommandLine.Usage"/> to standard output and exit 0.</summary>
    public bool ShowHelp { get; init; }

    /// <summary>Whether <c>--version</c> was given: print the program's and MapReduceGen's versions and exit 0.</summary>
    public bool ShowVersion { get; init; }
}
