using System.Text;

namespace Sample.WordCount;

/// <summary>
/// The text counted when no PATH is given: the sample's own README.md, embedded in the assembly,
/// as the seed counted the words of its own article.
/// </summary>
internal static class DefaultText
{
    /// <summary>The manifest resource name (the csproj's <c>LogicalName</c>).</summary>
    public const string ResourceName = "Sample.WordCount.README.md";

    /// <summary>How progress messages name the default text.</summary>
    public static string Name => "README.md (embedded)";

    /// <summary>Opens the embedded text (UTF-8). The caller disposes the stream.</summary>
    public static Stream Open() =>
        typeof(DefaultText).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing.");

    /// <summary>
    /// The lines of the embedded text, split at "\n", "\r\n" and "\r", without terminators
    /// (a final line break does not start another line).
    /// </summary>
    public static IEnumerable<string> ReadLines()
    {
        using var reader = new StreamReader(Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
