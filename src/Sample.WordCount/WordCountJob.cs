using MapReduceGen;

namespace Sample.WordCount;

/// <summary>
/// The seed's word count as a MapReduceGen job: the mapper applies the seed's word rules to one line and emits
/// (word, 1) for each word; the reducer adds counts. The generator adds <c>Run</c> and <c>RunAsync</c>.
/// </summary>
public static partial class WordCountJob
{
    /// <summary>Emits (word, 1) for every word of <paramref name="line"/> under the seed's rules.</summary>
    /// <param name="line">One line of text, without its terminator.</param>
    /// <param name="emit">Where the pairs go.</param>
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        var sink = new EmitWords(emit);
        WordRules.ForEachWord(line, ref sink);
    }

    /// <summary>Adds two counts of one word.</summary>
    /// <param name="left">A count.</param>
    /// <param name="right">Another count.</param>
    /// <returns>The sum.</returns>
    [Reducer]
    public static int Reduce(int left, int right) => left + right;

    /// <summary>Hands each word to the emitter as characters: a string is made only for a worker's new words.</summary>
    private readonly struct EmitWords(Emitter<string, int> emit) : IWordSink
    {
        public void Word(scoped ReadOnlySpan<char> word) => emit.Emit(word, 1);
    }
}
