namespace MapReduceGen.Runtime.Tests.Utf8Mapping;

/// <summary>Word count whose mapper spins a little per line, so that every worker of a run gets lines to map.</summary>
public static partial class SlowWordCountJob
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        Thread.SpinWait(2000);
        foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            emit.Emit(word.AsSpan(), 1);
        }
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
