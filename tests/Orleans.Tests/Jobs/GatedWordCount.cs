using Sample.WordCount;

namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>
/// The sample's word count whose mapper waits at <see cref="TestGates.Map"/>, so a test can kill a silo while it holds
/// running map tasks.
/// </summary>
public static partial class GatedWordCount
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        TestGates.Map.Pass();
        WordCountJob.Map(line, emit);
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
