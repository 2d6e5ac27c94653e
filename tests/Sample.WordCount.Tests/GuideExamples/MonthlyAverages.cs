using MapReduceGen;

namespace Sample.WordCount.Tests.GuideExamples;

// docs/guide.md, "Reducer shapes": a grouping reducer over a span, with a record struct key.
public static partial class MonthlyAverages
{
    [Mapper]
    public static void Map(Reading reading, Emitter<StationMonth, double> emit) =>
        emit.Emit(new StationMonth(reading.Station, reading.Day.Year, reading.Day.Month), reading.Celsius);

    [Reducer]
    public static double Reduce(StationMonth key, ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum / values.Length;
    }
}
