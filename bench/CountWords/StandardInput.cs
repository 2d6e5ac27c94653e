using MapReduceGen;

namespace CountWords;

/// <summary>Counts the words of standard input.</summary>
internal static class StandardInput
{
    public static MapReduceResult<string, int> Count(bool useLines, MapReduceOptions options)
    {
        // Standard input redirected from a regular file (countwords < file) is read as that file: split and mapped
        // by all workers with positioned reads.
        const string Self = "/proc/self/fd/0";
        if (OperatingSystem.IsLinux() && IsRegularFile(Self)
            && File.ResolveLinkTarget(Self, returnFinalTarget: true)?.FullName is string path && File.Exists(path))
        {
            TextSource file = TextSource.FromFiles(path);
            return useLines
                ? CountWordsJob.Run(file, options)
                : CountWordsJob.RunUtf8(file, options);
        }

        using Stream input = Console.OpenStandardInput(1 << 16);
        return useLines
            ? CountWordsJob.Run(StreamLines(input), options)
            : CountWordsJob.RunUtf8(input, options);
    }

    private static bool IsRegularFile(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            return stream.CanSeek && stream.Length > 0;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static IEnumerable<string> StreamLines(Stream input)
    {
        using var reader = new StreamReader(input);
        while (reader.ReadLine() is string line)
        {
            yield return line;
        }
    }
}
