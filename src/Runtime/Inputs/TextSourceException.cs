namespace MapReduceGen;

/// <summary>
/// Thrown when the paths of a <see cref="TextSource"/> cannot be resolved to input files (a missing path, a glob
/// pattern that matches nothing, a directory without files, a broken symbolic link), an input file cannot be opened,
/// or a line cannot be read (it is too long to hold). The message is one line that names the path and the problem,
/// for example <c>no such file or directory: 'logs/x.txt'</c> or
/// <c>line 3 of 'big.txt' is too long: more than 1,073,741,791 characters, the longest string .NET can hold</c>.
/// </summary>
public sealed class TextSourceException : IOException
{
    /// <summary>Creates an exception with a default message.</summary>
    public TextSourceException()
        : base("the text input could not be read")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">A one-line description of the problem.</param>
    public TextSourceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">A one-line description of the problem.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public TextSourceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception about <paramref name="path"/>.</summary>
    /// <param name="message">A one-line description of the problem, naming the path.</param>
    /// <param name="path">The path, file or pattern the problem is about.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public TextSourceException(string message, string? path, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
    }

    /// <summary>Creates an exception about line <paramref name="lineNumber"/> of <paramref name="path"/>.</summary>
    /// <param name="message">A one-line description of the problem, naming the path and the line.</param>
    /// <param name="path">The file (or the name of the stream).</param>
    /// <param name="lineNumber">The 1-based number of the line, if known.</param>
    internal TextSourceException(string message, string path, long? lineNumber)
        : base(message)
    {
        Path = path;
        LineNumber = lineNumber;
    }

    /// <summary>The path, file or glob pattern the problem is about, when known.</summary>
    public string? Path { get; }

    /// <summary>The 1-based number of the line the problem is about (a line too long to read), when known.</summary>
    public long? LineNumber { get; }

    internal static TextSourceException For(string problem, string path, Exception? innerException = null) =>
        new($"{problem}: '{path}'", path, innerException);

    internal static TextSourceException CannotRead(string path, Exception innerException) =>
        new($"cannot read '{path}': {OneLine(innerException.Message)}", path, innerException);

    private static string OneLine(string text) =>
        text.ReplaceLineEndings(" ").Trim();
}
