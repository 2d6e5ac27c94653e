namespace MapReduceGen.Backend.Tests.Jobs;

/// <summary>A total order over record-struct keys, records written per key: exercises split points and record output.</summary>
public static partial class InitialsByLength
{
    [Mapper]
    public static void Map(string line, Emitter<Initial, string> emit)
    {
        foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            emit.Emit(new Initial(word[0], word.Length), word);
        }
    }

    [Reducer(SortByKey = true)]
    public static void Reduce(Initial key, ReadOnlySpan<string> words, RecordOutput<string> output)
    {
        output.Add($"{key.Letter}{key.Length}:{words.Length}");
    }
}
