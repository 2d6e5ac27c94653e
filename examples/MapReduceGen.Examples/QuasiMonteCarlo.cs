namespace MapReduceGen.Examples;

/// <summary>
/// Hadoop's <c>QuasiMonteCarlo</c> (the <c>pi</c> example): each input is one map task's index; the task takes the next
/// <c>SamplesPerMap</c> points of a Halton sequence (bases 2 and 3) in the unit square and counts those inside the circle
/// inscribed in it. The combiner adds the counts and the finishing reducer estimates π as 4 × inside / total, in the job.
/// </summary>
public static partial class QuasiMonteCarlo
{
    /// <summary>The one key: the estimate.</summary>
    public const string Key = "pi";

    [Mapper]
    public static void Map(int task, Emitter<string, PointCount> emit, PiParameters parameters)
    {
        long inside = 0;
        long first = (long)task * parameters.SamplesPerMap;
        for (long i = first; i < first + parameters.SamplesPerMap; i++)
        {
            double x = Halton(i + 1, 2) - 0.5;
            double y = Halton(i + 1, 3) - 0.5;
            if ((x * x) + (y * y) <= 0.25)
            {
                inside++;
            }
        }

        emit.Emit(Key, new PointCount(inside, parameters.SamplesPerMap));
    }

    [Combiner]
    public static PointCount Combine(PointCount left, PointCount right) => new(left.Inside + right.Inside, left.Total + right.Total);

    [Reducer]
    public static double Reduce(string key, PointCount count) => 4.0 * count.Inside / count.Total;

    /// <summary>The <paramref name="index"/>th element (from 1) of the van der Corput sequence in base <paramref name="radix"/>.</summary>
    public static double Halton(long index, int radix)
    {
        double result = 0;
        double fraction = 1.0 / radix;
        while (index > 0)
        {
            result += (index % radix) * fraction;
            index /= radix;
            fraction /= radix;
        }

        return result;
    }
}
