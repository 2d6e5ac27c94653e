using MapReduceGen;

// docs/guide.md, "Ordering": a secondary sort and a partitioner.

namespace Sample.WordCount.Tests.GuideExamples;

public static partial class ReadingsByStation
{
    [Mapper]
    public static void Map(Reading reading, Emitter<string, Reading> emit) => emit.Emit(reading.Station, reading);

    [ValueComparer]
    public static int ByDay(Reading left, Reading right) => left.Day.CompareTo(right.Day);

    [Partitioner]
    public static int ByInitial(string station, int partitionCount) => station[0] % partitionCount;

    [Reducer]
    public static string Reduce(string station, ReadOnlySpan<Reading> readings) =>
        string.Join(" ", readings.ToArray().Select(r => r.Celsius.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
