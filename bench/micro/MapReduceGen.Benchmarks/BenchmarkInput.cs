namespace MapReduceGen.Benchmarks;

/// <summary>
/// The text the suites work on: the countwords corpus (kjvbible.txt from ../shared/corpus, or the folder named by
/// MAPREDUCEGEN_CORPUS) when it is there, otherwise a deterministic Zipf-distributed word text of the same size.
/// </summary>
public static class BenchmarkInput
{
    /// <summary>
    /// The size of the generated text when the corpus is absent (about kjvbible.txt's size); MAPREDUCEGEN_BENCH_BYTES
    /// chooses another.
    /// </summary>
    public const int GeneratedBytes = 4_400_000;

    private static string[]? s_lines;

    /// <summary>Where the text came from, for the report.</summary>
    public static string Description { get; private set; } = "";

    /// <summary>The lines of the text, loaded once per process.</summary>
    public static string[] Lines => s_lines ??= Load();

    /// <summary>Finds ../shared/corpus from the current directory or the program's, or null.</summary>
    public static string? FindCorpus()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("MAPREDUCEGEN_CORPUS");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        }

        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "corpus");
                if (File.Exists(Path.Combine(candidate, "kjvbible.txt")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string[] Load()
    {
        string? corpus = FindCorpus();
        if (corpus is not null)
        {
            string path = Path.Combine(corpus, "kjvbible.txt");
            Description = $"{path} ({new FileInfo(path).Length:N0} bytes)";
            return File.ReadAllLines(path);
        }

        int bytes = int.TryParse(Environment.GetEnvironmentVariable("MAPREDUCEGEN_BENCH_BYTES"), out int chosen) && chosen > 0
            ? chosen
            : GeneratedBytes;
        string text = ZipfText.Generate(bytes, seed: 42);
        Description = $"generated Zipf text ({bytes:N0} bytes, seed 42)";
        return text.Split('\n');
    }
}
