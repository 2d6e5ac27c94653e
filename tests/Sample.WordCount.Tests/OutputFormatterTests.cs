namespace Sample.WordCount.Tests;

public class OutputFormatterTests
{
    private static KeyValuePair<string, int> P(string word, int count) => new(word, count);

    /// <summary>The four PyMOTW articles' counts, ordered count descending then word ascending.</summary>
    private static readonly KeyValuePair<string, int>[] SeedTop20 =
    [
        P("process", 83), P("running", 45), P("multiprocessing", 44), P("worker", 40), P("starting", 37),
        P("now", 35), P("after", 34), P("processes", 31), P("start", 29), P("caption", 27), P("end", 27),
        P("header", 27), P("pymotw", 27), P("can", 22), P("daemon", 22), P("exiting", 21),
        P("forkpoolworker", 21), P("consumer", 20), P("main", 18), P("event", 16),
    ];

    private static string Table(int top, IEnumerable<KeyValuePair<string, int>> entries)
    {
        using var writer = new StringWriter();
        OutputFormatter.WriteTable(writer, top, entries);
        return writer.ToString();
    }

    [Fact]
    public void The_seeds_table_is_reproduced_exactly()
    {
        const string expected =
            "\n" +
            "TOP 20 WORDS BY FREQUENCY\n" +
            "\n" +
            "process         :    83\n" +
            "running         :    45\n" +
            "multiprocessing :    44\n" +
            "worker          :    40\n" +
            "starting        :    37\n" +
            "now             :    35\n" +
            "after           :    34\n" +
            "processes       :    31\n" +
            "start           :    29\n" +
            "caption         :    27\n" +
            "end             :    27\n" +
            "header          :    27\n" +
            "pymotw          :    27\n" +
            "can             :    22\n" +
            "daemon          :    22\n" +
            "exiting         :    21\n" +
            "forkpoolworker  :    21\n" +
            "consumer        :    20\n" +
            "main            :    18\n" +
            "event           :    16\n";
        Assert.Equal(expected, Table(20, SeedTop20));
    }

    [Fact]
    public void The_column_is_one_wider_than_the_longest_shown_word()
    {
        // Without "multiprocessing" (15) the longest shown word is "forkpoolworker" (14): column 15.
        var shown = SeedTop20.Where(p => p.Key != "multiprocessing").Skip(14).Take(3);
        Assert.Equal(
            "\nTOP 3 WORDS BY FREQUENCY\n\n" +
            "exiting        :    21\n" +
            "forkpoolworker :    21\n" +
            "consumer       :    20\n",
            Table(3, shown));
        Assert.Equal("\nTOP 2 WORDS BY FREQUENCY\n\nab :     2\nb  :     1\n", Table(2, [P("ab", 2), P("b", 1)]));
    }

    [Fact]
    public void Counts_right_align_in_five_and_grow_past_it()
    {
        Assert.Equal(
            "\nTOP 4 WORDS BY FREQUENCY\n\n" +
            "x : 1234567\n" +
            "y : 99999\n" +
            "z :     7\n" +
            "w :     0\n",
            Table(4, [P("x", 1234567), P("y", 99999), P("z", 7), P("w", 0)]));
    }

    [Fact]
    public void The_header_shows_the_requested_count_even_with_fewer_words()
    {
        Assert.Equal("\nTOP 50 WORDS BY FREQUENCY\n\nonly :     3\n", Table(50, [P("only", 3)]));
    }

    [Fact]
    public void No_words_print_only_the_header()
    {
        Assert.Equal("\nTOP 20 WORDS BY FREQUENCY\n\n", Table(20, []));
    }

    [Fact]
    public void Widths_count_unicode_scalars_as_python_len_does()
    {
        // Python: '{:<4}: {:5}'.format('\U0001D400\U0001D400', 2) pads the 2-scalar word with 2 spaces.
        Assert.Equal(
            "\nTOP 2 WORDS BY FREQUENCY\n\n" +
            "\U0001D400\U0001D400  :     2\n" +
            "東京δ :     1\n",
            Table(2, [P("\U0001D400\U0001D400", 2), P("東京δ", 1)]));
        Assert.Equal(2, OutputFormatter.ScalarCount("\U0001D400\U0001D400"));
        Assert.Equal(3, OutputFormatter.ScalarCount("a\ud800b"));
    }

    [Fact]
    public void Long_counts_are_formatted_too()
    {
        using var writer = new StringWriter();
        OutputFormatter.WriteTable(writer, 1, [new KeyValuePair<string, long>("big", 12345678901L)]);
        Assert.Equal("\nTOP 1 WORDS BY FREQUENCY\n\nbig : 12345678901\n", writer.ToString());
    }

    [Fact]
    public void Tsv_is_word_tab_count_per_line_and_nothing_else()
    {
        using var writer = new StringWriter();
        OutputFormatter.WriteTsv(writer, SeedTop20.Take(3).Append(P("naïve", 1)));
        Assert.Equal("process\t83\nrunning\t45\nmultiprocessing\t44\nnaïve\t1\n", writer.ToString());
    }

    [Fact]
    public void Tsv_of_nothing_is_empty()
    {
        using var writer = new StringWriter();
        OutputFormatter.WriteTsv(writer, Array.Empty<KeyValuePair<string, int>>());
        Assert.Equal("", writer.ToString());
    }

    [Fact]
    public void Line_endings_are_line_feeds_whatever_the_writer_says()
    {
        using var writer = new StringWriter { NewLine = "\r\n" };
        OutputFormatter.WriteTable(writer, 1, [P("word", 1)]);
        OutputFormatter.WriteTsv(writer, [P("word", 1)]);
        Assert.DoesNotContain('\r', writer.ToString());
    }
}
