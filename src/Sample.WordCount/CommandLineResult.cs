using System.Diagnostics.CodeAnalysis;

namespace Sample.WordCount;

/// <summary>The outcome of <see cref="CommandLine.Parse"/>: either options or a one-line error.</summary>
internal sealed class CommandLineResult
{
    private CommandLineResult(CommandLineOptions? options, string? error)
    {
        Options = options;
        Error = error;
    }

    /// <summary>The parsed options; null when <see cref="Error"/> is set.</summary>
    public CommandLineOptions? Options { get; }

    /// <summary>
    /// Why the arguments are unusable, one line without a prefix or a final period (the caller prints
    /// <c>{program name}: {Error}</c> on standard error and exits 2); null on success.
    /// </summary>
    public string? Error { get; }

    /// <summary>True when <see cref="Options"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Options))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Options is not null;

    public static CommandLineResult Success(CommandLineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CommandLineResult(options, null);
    }

    public static CommandLineResult Failure(string error)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        return new CommandLineResult(null, error);
    }
}
