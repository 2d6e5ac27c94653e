using MapReduceGen;

namespace Sample.WordCount.Tests.GuideExamples;

// docs/guide.md, "Keys": a tuple key; lines look like "2024-06-01T10:00:00 Error checkout timeout".
public static partial class ErrorsByService
{
    [Mapper]
    public static void Map(string line, Emitter<(Severity Level, string Service), int> emit)
    {
        var parts = line.Split(' ', 4);
        if (parts.Length >= 3 && Enum.TryParse<Severity>(parts[1], out var level))
        {
            emit.Emit((level, parts[2]), 1);
        }
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
