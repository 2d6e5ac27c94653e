using MapReduceGen;

// docs/guide.md, "Parameters and counters": run parameters and a Counters in the mapper.

namespace Sample.WordCount.Tests.GuideExamples;

public sealed record GrepOptions(string Needle);

public static partial class LineGrep
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit, GrepOptions options, Counters counters)
    {
        counters.Increment("lines");
        if (line.Contains(options.Needle, StringComparison.Ordinal))
        {
            emit.Emit(options.Needle, 1);
        }
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
