namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>A word count run by the telemetry tests only: its name is the tag their meter and span listeners filter by.</summary>
public static partial class TracedWordCount
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            emit.Emit(word, 1);
        }
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
