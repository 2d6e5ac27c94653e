namespace Sample.WordCount.Tests;

/// <summary>What one run of the program did: its exit status and everything it wrote.</summary>
internal sealed record RunOutcome(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>The lines of standard error, without terminators.</summary>
    public string[] ErrorLines => StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
}
