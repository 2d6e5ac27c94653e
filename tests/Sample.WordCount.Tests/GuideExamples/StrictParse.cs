using System.Globalization;
using MapReduceGen;

namespace Sample.WordCount.Tests.GuideExamples;

// docs/guide.md, "Errors": a mapper that throws on bad input.
public static partial class StrictParse
{
    [Mapper]
    public static void Map(string line, Emitter<string, long> emit)
    {
        var fields = line.Split(',');
        emit.Emit(fields[0], long.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    [Reducer]
    public static long Reduce(long left, long right) => left + right;
}
