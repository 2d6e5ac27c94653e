namespace MapReduceGen.Tests.Shared;

/// <summary>
/// Files of the repository a test reads (documents whose figures and examples it checks, example programs it runs):
/// found from the test assembly's folder, the first folder above it that holds MapReduceGen.sln.
/// </summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    /// <summary>The repository's root folder.</summary>
    public static string Root => RootFolder.Value;

    /// <summary>The path of <paramref name="relativePath"/> (forward slashes) under the repository's root.</summary>
    public static string PathOf(string relativePath) => Path.Combine([Root, .. relativePath.Split('/')]);

    /// <summary>The text of a repository file, line ends as <c>\n</c>.</summary>
    public static string ReadText(string relativePath) => File.ReadAllText(PathOf(relativePath)).ReplaceLineEndings("\n");

    private static string FindRoot()
    {
        for (string? directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "MapReduceGen.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("MapReduceGen.sln not found above " + AppContext.BaseDirectory);
    }
}
