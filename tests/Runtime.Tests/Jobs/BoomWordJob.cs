namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>
/// Counts words, but throws at the word "boom" after emitting the words before it, so tests can check that a
/// failing record's pairs are never counted.
/// </summary>
internal static partial class BoomWordJob
{
    [Mapper]
    public static void Map(string line, Emitter<string, long> emit)
    {
        foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word == "boom")
            {
                throw new BadLineException(line);
            }

            emit.Emit(word, 1);
        }
    }

    [Reducer]
    public static long Reduce(long left, long right) => left + right;
}
