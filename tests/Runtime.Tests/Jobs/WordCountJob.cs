namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>String keys, emitter mapper (span keys), fold reducer; static class. Also runs over text sources.</summary>
internal static partial class WordCountJob
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        foreach (Range range in line.AsSpan().Split(' '))
        {
            ReadOnlySpan<char> word = line.AsSpan(range);
            if (!word.IsEmpty)
            {
                emit.Emit(word, 1);
            }
        }
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
