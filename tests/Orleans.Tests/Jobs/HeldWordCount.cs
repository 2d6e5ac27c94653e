using Sample.WordCount;

namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>
/// The sample's word count whose mapper waits at <see cref="TestGates.Hold"/> on the line "hold" only, so a test can
/// keep one map task running while the others complete.
/// </summary>
public static partial class HeldWordCount
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        if (line == "hold")
        {
            TestGates.Hold.Pass();
        }

        WordCountJob.Map(line, emit);
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
