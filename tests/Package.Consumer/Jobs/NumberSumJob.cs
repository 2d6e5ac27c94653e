using System.Globalization;
using MapReduceGen;

namespace Package.Consumer.Jobs;

/// <summary>
/// A job whose mapper throws on bad input (a line that is not an integer), to check that the failure reaches the
/// caller as a <see cref="MapReduceException"/> naming the job, the phase and the input.
/// </summary>
internal static partial class NumberSumJob
{
    [Mapper]
    public static void Map(string line, Emitter<bool, long> emit)
    {
        long number = long.Parse(line, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        emit.Emit(number % 2 == 0, number);
    }

    [Reducer]
    public static long Reduce(long left, long right) => left + right;
}
