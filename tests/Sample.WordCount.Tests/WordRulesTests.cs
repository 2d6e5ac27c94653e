using System.Text;

namespace Sample.WordCount.Tests;

public class WordRulesTests
{
    /// <summary>Python 3.11's <c>str.isspace</c> set, generated with python3 (the seed's split() and lstrip()).</summary>
    private static readonly int[] PythonWhiteSpace =
    [
        0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680,
        0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
        0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
    ];

    private const string AsciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private static List<string> Words(string line)
    {
        var sink = new ListSink(new List<string>());
        WordRules.ForEachWord(line.AsSpan(), ref sink);
        return sink.Words;
    }

    private readonly struct ListSink(List<string> words) : IWordSink
    {
        public List<string> Words { get; } = words;

        public void Word(scoped ReadOnlySpan<char> word) => Words.Add(word.ToString());
    }

    private ref struct CountingSink : IWordSink
    {
        public int Count;
        public int Chars;

        public void Word(scoped ReadOnlySpan<char> word)
        {
            Count++;
            Chars += word.Length;
        }
    }

    [Fact]
    public void Splits_lower_cases_and_keeps_order()
    {
        Assert.Equal(["hello", "world", "hello"], Words("Hello, World! HELLO"));
    }

    [Fact]
    public void Empty_and_blank_lines_have_no_words()
    {
        Assert.Empty(Words(""));
        Assert.Empty(Words("   \t  "));
        Assert.Empty(Words("!!! ... ,,,"));
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".. note::")]
    [InlineData("..literalinclude:: multiprocessing_wordcount.py")]
    [InlineData("   .. code-block:: none")]
    [InlineData("\t\t..{{{cog")]
    [InlineData("\u001c..x")]
    [InlineData("\u00a0\u3000\u2028.. words here")]
    [InlineData("...")]
    public void Lines_starting_with_two_dots_after_white_space_are_skipped(string line)
    {
        Assert.True(WordRules.IsSkippedLine(line));
        Assert.Empty(Words(line));
    }

    [Theory]
    [InlineData(". . words", new[] { "words" })]
    [InlineData("words ..", new[] { "words" })]
    [InlineData(".", new string[0])]
    [InlineData("x.. words", new[] { "x", "words" })]
    [InlineData("\u200b.. words", new[] { "words" })] // U+200B is not white space for Python
    [InlineData("\uff0e\uff0e words", new[] { "words" })] // fullwidth full stops are not '.'
    public void Other_dots_do_not_skip_the_line(string line, string[] expected)
    {
        Assert.False(WordRules.IsSkippedLine(line));
        Assert.Equal(expected, Words(line));
    }

    [Fact]
    public void Every_ascii_punctuation_character_separates_words()
    {
        Assert.Equal(32, AsciiPunctuation.Length);
        foreach (var p in AsciiPunctuation)
        {
            Assert.True(WordRules.IsSeparator(p), $"U+{(int)p:X4}");
            Assert.Equal(["alpha", "beta"], Words($"alpha{p}beta"));
            Assert.Equal(["alpha"], Words($"{p}alpha{p}"));
        }
    }

    [Fact]
    public void Punctuation_splits_contractions_and_dotted_names()
    {
        Assert.Equal(["don", "t", "multiprocessing", "pool"], Words("don't multiprocessing.Pool"));
    }

    [Fact]
    public void Every_python_white_space_character_separates_words()
    {
        foreach (var c in PythonWhiteSpace)
        {
            var ws = (char)c;
            Assert.True(WordRules.IsPythonWhiteSpace(ws), $"U+{c:X4}");
            Assert.Equal(["alpha", "beta"], Words($"{ws}alpha{ws}{ws}beta{ws}"));
        }
    }

    [Fact]
    public void White_space_is_exactly_pythons_isspace_set()
    {
        var expected = new HashSet<int>(PythonWhiteSpace);
        for (var c = 0; c <= char.MaxValue; c++)
        {
            Assert.True(expected.Contains(c) == WordRules.IsPythonWhiteSpace((char)c), $"U+{c:X4}");
            var punctuation = c < 128 && AsciiPunctuation.Contains((char)c, StringComparison.Ordinal);
            Assert.True((expected.Contains(c) || punctuation) == WordRules.IsSeparator((char)c), $"U+{c:X4}");
        }
    }

    [Theory]
    [InlineData("alpha\u200bbeta")] // ZERO WIDTH SPACE: Cf, neither space nor letter
    [InlineData("alpha\u180ebeta")] // MONGOLIAN VOWEL SEPARATOR: not space since Unicode 6.3
    [InlineData("alpha\ufeffbeta")]
    [InlineData("alpha\u0000beta")]
    [InlineData("alpha\u007fbeta")]
    [InlineData("alpha\u001bbeta")]
    public void Other_invisible_characters_join_a_word_and_disqualify_it(string line)
    {
        Assert.Empty(Words(line));
    }

    [Theory]
    [InlineData("abc123")]
    [InlineData("123")]
    [InlineData("1st")]
    [InlineData("x²")]
    [InlineData("\u2163")] // ROMAN NUMERAL FOUR: Nl
    [InlineData("\u0663")] // ARABIC-INDIC DIGIT THREE
    [InlineData("e\u0301")] // e + COMBINING ACUTE ACCENT: Mn
    [InlineData("\U0001F600")] // emoji
    [InlineData("a\U0001F600")]
    [InlineData("ab\ud800")] // lone high surrogate
    [InlineData("\udc00ab")] // lone low surrogate
    [InlineData("caf\u00e9\u00b2")]
    public void Pieces_with_a_non_letter_are_dropped(string line)
    {
        Assert.Empty(Words(line));
    }

    [Fact]
    public void Digits_drop_only_their_own_piece()
    {
        Assert.Equal(["version", "released"], Words("version 3.11 released 2023"));
        Assert.Equal(["x"], Words("x1 x y2"));
    }

    [Theory]
    [InlineData("Straße", "straße")]
    [InlineData("ÀÉÎ", "àéî")]
    [InlineData("naïve", "naïve")]
    [InlineData("東京", "東京")]
    [InlineData("Ǆemal", "ǆemal")] // titlecase letter
    [InlineData("ǄEMAL", "ǆemal")]
    [InlineData("\u212Aelvin", "kelvin")] // KELVIN SIGN lowers to ASCII k
    [InlineData("ıi", "ıi")] // dotless i is a letter and stays
    [InlineData("ʰʲ", "ʰʲ")] // modifier letters (Lm) are letters
    [InlineData("\u00aa\u00ba", "\u00aa\u00ba")] // ordinal indicators (Lo)
    public void Unicode_letters_are_kept_and_lower_cased(string line, string expected)
    {
        Assert.Equal([expected], Words(line));
    }

    [Theory]
    [InlineData("\U0001D400", "\U0001D400")] // MATHEMATICAL BOLD CAPITAL A: Lu without a lower case
    [InlineData("\U00020000", "\U00020000")] // CJK Extension B
    [InlineData("a\U00020000b", "a\U00020000b")]
    [InlineData("\U00010400", "\U00010428")] // DESERET CAPITAL LONG I lowers to the small one
    [InlineData("\U00010400\U00010401x", "\U00010428\U00010429x")]
    public void Letters_outside_the_bmp_are_judged_per_scalar(string line, string expected)
    {
        Assert.Equal([expected], Words(line));
    }

    [Theory]
    [InlineData("ΟΔΟΣ", "οδος")]
    [InlineData("ΣΑΣ", "σας")]
    [InlineData("ΣΣ", "σς")]
    [InlineData("Σ", "σ")]
    [InlineData("ΑΣΑ", "ασα")]
    [InlineData("ΑΣΣ", "ασς")]
    [InlineData("ΑʰΣ", "αʰς")] // a modifier letter between is case-ignorable
    [InlineData("ΑΣʰ", "αςʰ")]
    [InlineData("ʰΣ", "ʰσ")]
    [InlineData("ªΣ", "ªς")] // U+00AA is cased (Other_Lowercase)
    [InlineData("ºΣ", "ºς")]
    [InlineData("中Σ", "中σ")] // Lo is not cased
    [InlineData("ΑΣ中", "ας中")]
    [InlineData("aΣ", "aς")]
    [InlineData("ΣΣʰΣ", "σσʰς")]
    [InlineData("οδοσ", "οδοσ")] // only a capital sigma becomes final
    public void Capital_sigma_lowers_to_final_sigma_as_in_python(string line, string expected)
    {
        Assert.Equal([expected], Words(line));
    }

    [Fact]
    public void Final_sigma_is_judged_within_the_word_not_the_line()
    {
        Assert.Equal(["ας", "σα"], Words("ΑΣ ΣΑ"));
        Assert.Equal(["ας", "β"], Words("ΑΣ-Β"));
    }

    [Theory]
    [InlineData("İstanbul")]
    [InlineData("\u0130")]
    [InlineData("ab\u0130")]
    public void Capital_i_with_dot_above_lowers_to_a_non_letter_so_the_word_is_dropped(string line)
    {
        // Python: 'İ'.lower() == 'i\u0307' and U+0307 COMBINING DOT ABOVE is Mn, so isalpha() is False.
        Assert.Empty(Words(line));
    }

    [Fact]
    public void Case_folds_ascii_in_every_mix()
    {
        Assert.Equal(["hello", "hello", "hello", "hello"], Words("HELLO Hello hello hElLo"));
    }

    [Fact]
    public void All_stop_words_are_dropped_in_any_case()
    {
        string[] stop = ["a", "an", "and", "are", "as", "be", "by", "for", "if", "in", "is", "it", "of", "or", "py",
            "rst", "that", "the", "to", "with"];
        Assert.Equal(stop, WordRules.StopWords);
        foreach (var word in stop)
        {
            Assert.True(WordRules.IsStopWord(word), word);
            Assert.Empty(Words(word));
            Assert.Empty(Words(word.ToUpperInvariant()));
            Assert.Empty(Words($"({char.ToUpperInvariant(word[0])}{word[1..]})"));
        }
    }

    [Theory]
    [InlineData("them")]
    [InlineData("ands")]
    [InlineData("pyx")]
    [InlineData("i")]
    [InlineData("on")]
    [InlineData("at")]
    [InlineData("this")]
    [InlineData("wit")]
    public void Near_stop_words_are_kept(string word)
    {
        Assert.False(WordRules.IsStopWord(word));
        Assert.Equal([word], Words(word));
    }

    [Fact]
    public void Stop_words_are_split_off_by_punctuation()
    {
        Assert.Equal(["multiprocessing", "wordcount"], Words("multiprocessing_wordcount.py"));
        Assert.Equal(["index"], Words("index.rst"));
    }

    [Fact]
    public void A_line_like_the_seeds_articles()
    {
        Assert.Equal(
            ["pool", "class", "can", "used", "create", "simple", "single", "server", "mapreduce", "implementation"],
            Words("The ``Pool`` class can be used to create a simple single-server MapReduce implementation."));
        Assert.Equal(
            ["forkpoolworker", "reading", "basics"],
            Words("\tForkPoolWorker-1 reading basics.rst"));
    }

    [Theory]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(4096)]
    public void Words_around_the_stack_buffer_size_are_lower_cased(int length)
    {
        Assert.Equal([new string('a', length)], Words(new string('A', length)));
        Assert.Equal([new string('ä', length)], Words(new string('Ä', length)));
        Assert.Equal(["x", new string('ς', 1).PadLeft(length, 'σ'), "y"], Words($"x {new string('Σ', length)} y"));
    }

    [Fact]
    public void A_huge_word_does_not_overflow_the_stack()
    {
        const int length = 8 * 1024 * 1024;
        var upper = new string('W', length);
        var sink = new CountingSink();
        WordRules.ForEachWord($"huge {upper} words", ref sink);
        Assert.Equal(3, sink.Count);
        Assert.Equal(length + 9, sink.Chars);

        var unicode = string.Concat(Enumerable.Repeat("Ωμ", length / 2));
        var words = Words(unicode + " " + upper + "1");
        var word = Assert.Single(words);
        Assert.Equal(unicode.ToLowerInvariant(), word);
    }

    [Fact]
    public void Works_with_a_ref_struct_sink()
    {
        var sink = new CountingSink();
        WordRules.ForEachWord("one two three the 4", ref sink);
        Assert.Equal(3, sink.Count);
        Assert.Equal(11, sink.Chars);
    }

    [Fact]
    public void Try_lower_letters_matches_the_word_rules()
    {
        Span<char> buffer = stackalloc char[16];
        Assert.True(WordRules.TryLowerLetters("ΟΔΟΣ", buffer));
        Assert.Equal("οδος", buffer[..4].ToString());
        Assert.True(WordRules.TryLowerLetters("Hello", buffer));
        Assert.Equal("hello", buffer[..5].ToString());
        Assert.False(WordRules.TryLowerLetters("abc1", buffer));
        Assert.False(WordRules.TryLowerLetters("İ", buffer));
        Assert.Throws<ArgumentException>(() => WordRules.TryLowerLetters("too long for it", new char[3]));
    }

    /// <summary>
    /// A mixed sample whose expected words were produced by the seed's Python code
    /// (python3 3.11, the loop body of file_to_words) during development.
    /// </summary>
    [Fact]
    public void A_mixed_sample_gives_what_python_gives()
    {
        string[] lines =
        [
            ".. {{{cog",
            "Implementing MapReduce",
            "======================",
            "  .. literalinclude:: multiprocessing_mapreduce.py",
            "The ``file_to_words()`` function converts each input file to a",
            "\u00a0Ελληνικά ΚΕΙΜΕΝΑ: ΟΔΟΣ; Straße—naïve 東京 2024 x2 İzmir ǅ",
            "\u001cTAB\tsep\u001dgroup\u0085next\u2029para\u200bzw",
            "mixed\U0001D400bold \U0001F600 emoji",
        ];
        var words = lines.SelectMany(Words).ToList();
        Assert.Equal(
        [
            "implementing", "mapreduce", "file", "words", "function", "converts", "each", "input", "file",
            "ελληνικά", "κειμενα", "οδος", "東京", "ǆ", "tab", "sep", "group", "next", "mixed\U0001D400bold", "emoji",
        ],
            words);
    }

    [Fact]
    public void Words_handed_to_the_sink_are_exact_spans()
    {
        var builder = new StringBuilder();
        var sink = new ListSink([]);
        WordRules.ForEachWord("alpha  beta\tgamma", ref sink);
        foreach (var w in sink.Words)
        {
            builder.Append('[').Append(w).Append(']');
        }

        Assert.Equal("[alpha][beta][gamma]", builder.ToString());
    }
}
