namespace MapReduceGen.Examples;

/// <summary>
/// What Hadoop's <c>ValueHistogram</c> reports of a set of frequencies: how many there are, their minimum, median (the
/// frequency at index <c>count / 2</c> in ascending order), maximum, mean and (population) standard deviation.
/// </summary>
[GenerateSerializer]
public readonly record struct HistogramSummary(int Distinct, long Minimum, long Median, long Maximum, double Average, double StandardDeviation)
{
    /// <summary>Summarises frequencies.</summary>
    public static HistogramSummary Of(IEnumerable<long> frequencies)
    {
        long[] sorted = [.. frequencies.Order()];
        if (sorted.Length == 0)
        {
            return default;
        }

        double average = sorted.Average();
        double variance = sorted.Sum(f => (f - average) * (f - average)) / sorted.Length;
        return new HistogramSummary(sorted.Length, sorted[0], sorted[sorted.Length / 2], sorted[^1], average, Math.Sqrt(variance));
    }
}
