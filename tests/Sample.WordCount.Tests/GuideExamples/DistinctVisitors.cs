using System.Globalization;
using MapReduceGen;

// docs/guide.md, "Reducer shapes": a reducer of keys only, writing records, sorted by key.

namespace Sample.WordCount.Tests.GuideExamples;

public static partial class DistinctVisitors
{
    [Mapper]
    public static void Map(string line, Emitter<(string Page, string User), DateTime> emit)
    {
        var fields = line.Split('\t');
        emit.Emit((fields[1], fields[0]), DateTime.Parse(fields[2], CultureInfo.InvariantCulture));
    }

    [Reducer(SortByKey = true)]
    public static void Reduce((string Page, string User) visit, RecordOutput<string> output) =>
        output.Add($"{visit.Page} {visit.User}");
}
