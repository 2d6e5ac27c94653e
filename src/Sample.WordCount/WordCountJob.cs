using MapReduceGen;

namespace Sample.WordCount;

/// <summary>
/// The seed's word count as a MapReduceGen job: the mapper applies the seed's word rules to one line and emits
/// (word, 1) for each word; the reducer adds counts. The generator adds <c>Run</c> and <c>RunAsync</c>, and, because
/// the class also maps raw UTF-8 blocks of lines with the same rules (<see cref="MapLines"/>), <c>RunUtf8</c>, which
/// the program uses for files and standard input.
/// </summary>
public sealed partial class WordCountJob : IUtf8TextMapper<string, int>
{
    private WordCountJob()
    {
    }

    /// <summary>Emits (word, 1) for every word of <paramref name="line"/> under the seed's rules.</summary>
    /// <param name="line">One line of text, without its terminator.</param>
    /// <param name="emit">Where the pairs go.</param>
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        var sink = new EmitWords(emit);
        WordRules.ForEachWord(line, ref sink);
    }

    /// <summary>
    /// Emits (word, 1) for every word of a block of whole UTF-8 lines under the same rules: ASCII lines as bytes, other
    /// lines decoded (see <see cref="Utf8WordRules"/>).
    /// </summary>
    /// <param name="lines">Whole lines with their terminators, straight from the read buffer.</param>
    /// <param name="emitter">Where the pairs go.</param>
    public static void MapLines(ReadOnlySpan<byte> lines, Emitter<string, int> emitter)
    {
        var sink = new EmitWords(emitter);
        Utf8WordRules.ForEachWord(lines, ref sink);
    }

    /// <summary>Adds two counts of one word.</summary>
    /// <param name="left">A count.</param>
    /// <param name="right">Another count.</param>
    /// <returns>The sum.</returns>
    [Reducer]
    public static int Reduce(int left, int right) => left + right;

    /// <summary>
    /// Hands each word to the emitter as characters or as UTF-8: a key is stored only the first time a worker meets it,
    /// and no string is made while mapping.
    /// </summary>
    private readonly struct EmitWords(Emitter<string, int> emit) : IUtf8WordSink
    {
        public void Word(scoped ReadOnlySpan<char> word) => emit.Emit(word, 1);

        public void Utf8Word(scoped ReadOnlySpan<byte> word) => emit.EmitUtf8(word, 1);
    }
}
