namespace MapReduceGen.Benchmarks;

/// <summary>Word count as a generated job: (word, 1) per word, summed.</summary>
public static partial class WordCountJob
{
    /// <summary>Emits (word, 1) for every word of a line.</summary>
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        var sink = new EmitSink(emit);
        Words.ForEach(line, ref sink);
    }

    /// <summary>Adds counts.</summary>
    [Reducer]
    public static int Reduce(int left, int right) => left + right;

    private readonly struct EmitSink(Emitter<string, int> emit) : IWordSink
    {
        public void Word(scoped ReadOnlySpan<char> word) => emit.Emit(word, 1);
    }
}

/// <summary>A document of the inverted index suite.</summary>
public readonly record struct Document(int Id, string Text);

/// <summary>Inverted index as a generated grouping job: word to the sorted, distinct ids of the documents holding it.</summary>
public static partial class InvertedIndexJob
{
    /// <summary>Emits (word, document id) for every word of a document.</summary>
    [Mapper]
    public static void Map(Document document, Emitter<string, int> emit)
    {
        var sink = new EmitSink(emit, document.Id);
        Words.ForEach(document.Text, ref sink);
    }

    /// <summary>The sorted distinct document ids.</summary>
    [Reducer]
    public static int[] Reduce(string word, ReadOnlySpan<int> documentIds) => Postings.SortedDistinct(documentIds);

    private readonly struct EmitSink(Emitter<string, int> emit, int id) : IWordSink
    {
        public void Word(scoped ReadOnlySpan<char> word) => emit.Emit(word, id);
    }
}

/// <summary>A record of the numeric suite.</summary>
public readonly record struct Reading(int Key, int Value);

/// <summary>Sum and maximum of the values of a key.</summary>
public readonly record struct SumMax(long Sum, int Max)
{
    /// <summary>Combines two aggregates.</summary>
    public static SumMax Combine(SumMax left, SumMax right) => new(left.Sum + right.Sum, Math.Max(left.Max, right.Max));
}

/// <summary>Sum and max per integer key as a generated fold job.</summary>
public static partial class SumMaxJob
{
    /// <summary>Emits (key, (value, value)).</summary>
    [Mapper]
    public static void Map(Reading reading, Emitter<int, SumMax> emit) => emit.Emit(reading.Key, new SumMax(reading.Value, reading.Value));

    /// <summary>Combines aggregates.</summary>
    [Reducer]
    public static SumMax Reduce(SumMax left, SumMax right) => SumMax.Combine(left, right);
}

/// <summary>Postings helpers shared by every inverted index variant.</summary>
public static class Postings
{
    /// <summary>Sorts a copy of the ids and removes duplicates.</summary>
    public static int[] SortedDistinct(ReadOnlySpan<int> ids)
    {
        int[] copy = ids.ToArray();
        Array.Sort(copy);
        int n = 0;
        for (int i = 0; i < copy.Length; i++)
        {
            if (n == 0 || copy[n - 1] != copy[i])
            {
                copy[n++] = copy[i];
            }
        }

        return n == copy.Length ? copy : copy[..n];
    }
}

/// <summary>Counts the space-separated tokens of a line as they are (no lower-casing, which would undo built collisions).</summary>
public static partial class SpaceSeparatedCountJob
{
    /// <summary>Emits (token, 1) for every space-separated token.</summary>
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        foreach (Range range in line.AsSpan().Split(' '))
        {
            if (range.End.Value > range.Start.Value)
            {
                emit.Emit(line.AsSpan(range), 1);
            }
        }
    }

    /// <summary>Adds counts.</summary>
    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
