namespace MapReduceGen.Backend.Tests.Jobs;

/// <summary>Words of a minimum length, counted by a combiner and finished into a share of the key's letters; counters too.</summary>
public static partial class LongWords
{
    [Mapper]
    public static void Map(string line, Emitter<string, long> emit, LengthFilter filter, Counters counters)
    {
        foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length >= filter.MinimumLength)
            {
                counters.Increment("kept");
                emit.Emit(word, 1);
            }
        }
    }

    [Combiner]
    public static long Combine(long left, long right) => left + right;

    [Reducer]
    public static string Reduce(string word, long count, Counters counters)
    {
        counters.Increment("keys");
        return word + ":" + count;
    }
}
