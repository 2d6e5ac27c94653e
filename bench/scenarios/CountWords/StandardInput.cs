using MapReduceGen;
using MapReduceGen.Engine;

namespace CountWords;

/// <summary>Counts the words of standard input.</summary>
internal static class StandardInput
{
    public static IAsyncEnumerable<MapReducePartition<string, int>> Count(bool useLines, MapReduceOptions options)
    {
        // Standard input redirected from a regular file (countwords < file) is read as that file: split and mapped
        // by all workers with positioned reads.
        const string Self = "/proc/self/fd/0";
        if (OperatingSystem.IsLinux() && IsRegularFile(Self)
            && File.ResolveLinkTarget(Self, returnFinalTarget: true)?.FullName is string path && File.Exists(path))
        {
            return Counting.Stream(Counting.Input(TextSource.FromFiles(path), useLines), options);
        }

        Stream input = Console.OpenStandardInput(1 << 16);
        return Counting.Stream(
            useLines ? JobInputs.Sequence(StreamLines(input)) : JobInputs.Utf8Stream<CountWordsJob, string, int>(input), options);
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
