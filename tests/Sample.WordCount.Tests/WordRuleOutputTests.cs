namespace Sample.WordCount.Tests;

/// <summary>
/// The program's exact output on small crafted files, one per word rule. Expected outputs were worked out by
/// hand and checked against the seed's Python rules (decode as UTF-8 with replacement, universal newlines,
/// <c>lstrip().startswith('..')</c>, punctuation to spaces, <c>split()</c>, <c>lower()</c>, <c>isalpha()</c>,
/// stop words), then written here literally.
/// </summary>
public sealed class WordRuleOutputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Tsv(string content) => Tsv(new System.Text.UTF8Encoding(false).GetBytes(content));

    private string Tsv(byte[] content)
    {
        var path = _temp.WriteFile($"input-{Guid.NewGuid():N}.txt", content);
        var outcome = SampleRunner.InProcess(path, "--tsv");
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        return outcome.StdOut;
    }

    [Fact]
    public void Lines_starting_with_two_dots_after_white_space_are_skipped()
    {
        const string text =
            ".. skipped words here\n" +
            "   .. indented directive words\n" +
            "\t..tab skipped\n" +
            ". single dot kept\n" +
            "kept .. not at start\n" +
            ".x..y\n" +
            "\u00A0.. nbsp skipped\n" +
            "\u3000..ideographic skipped\n";
        Assert.Equal("kept\t2\nat\t1\ndot\t1\nnot\t1\nsingle\t1\nstart\t1\nx\t1\ny\t1\n", Tsv(text));
    }

    [Fact]
    public void Every_ascii_punctuation_character_separates_words_and_other_punctuation_does_not()
    {
        const string text =
            "one!two\"three#four$five%six&seven'eight(nine)ten*eleven+twelve,thirteen-fourteen.fifteen/sixteen:" +
            "seventeen;eighteen<nineteen=twenty>alpha?beta@gamma[delta\\epsilon]zeta^eta_theta`iota{kappa|lambda}mu~nu\n" +
            "don\u2019t \u00ABquoted\u00BB em\u2014dash\n";
        const string expected =
            "alpha\t1\nbeta\t1\ndelta\t1\neight\t1\neighteen\t1\neleven\t1\nepsilon\t1\neta\t1\nfifteen\t1\n" +
            "five\t1\nfour\t1\nfourteen\t1\ngamma\t1\niota\t1\nkappa\t1\nlambda\t1\nmu\t1\nnine\t1\nnineteen\t1\n" +
            "nu\t1\none\t1\nseven\t1\nseventeen\t1\nsix\t1\nsixteen\t1\nten\t1\ntheta\t1\nthirteen\t1\nthree\t1\n" +
            "twelve\t1\ntwenty\t1\ntwo\t1\nzeta\t1\n";
        Assert.Equal(expected, Tsv(text));
    }

    [Fact]
    public void Unicode_letters_count_including_one_outside_the_basic_plane()
    {
        // U+10400 DESERET CAPITAL LONG I lowers to U+10428 (a surrogate pair in UTF-16); x² has a digit (No),
        // abc١٢ Arabic-Indic digits (Nd); İ lowers to i + U+0307 (a mark); U+01C5 is title case; U+2003 is white
        // space but U+200B (zero width space) is not, so "\u200Bzero" is one piece that is not all letters.
        const string text =
            "Na\u00EFve CAF\u00C9 caf\u00E9 \u6771\u4EAC \u039F\u0394\u039F\u03A3 \U00010400\U00010428 x\u00B2 " +
            "abc\u0661\u0662 Stra\u00DFe \u0130stanbul \u01C5emal alpha\u2003beta \u200Bzero\n";
        const string expected =
            "caf\u00E9\t2\nalpha\t1\nbeta\t1\nna\u00EFve\t1\nstra\u00DFe\t1\n\u01C6emal\t1\n" +
            "\u03BF\u03B4\u03BF\u03C2\t1\n\u6771\u4EAC\t1\n\U00010428\U00010428\t1\n";
        Assert.Equal(expected, Tsv(text));
    }

    [Fact]
    public void Pieces_with_digits_are_not_words()
    {
        Assert.Equal("ok\t2\n", Tsv("abc123 123 route66 ok 3d mp3 v2 x1y OK\n"));
    }

    [Fact]
    public void Stop_words_are_dropped_in_any_case()
    {
        const string text =
            "The THE the A an AND are As be BY for If IN is IT of OR py Py rst That to WITH cat Hat hat theory another\n";
        Assert.Equal("hat\t2\nanother\t1\ncat\t1\ntheory\t1\n", Tsv(text));
    }

    [Fact]
    public void Lines_end_at_lf_crlf_and_a_lone_cr()
    {
        // If a lone CR did not end a line, ".. skipped cr" would sit inside "gamma" 's line and be counted.
        const string text =
            "alpha beta\r\n.. skipped crlf\r\ngamma\r.. skipped cr\rdelta\r\n\r\nzeta\n\r.. after lf cr\nepsilon";
        Assert.Equal("alpha\t1\nbeta\t1\ndelta\t1\nepsilon\t1\ngamma\t1\nzeta\t1\n", Tsv(text));
    }

    [Fact]
    public void Invalid_utf8_is_read_as_replacement_characters_with_one_warning_naming_the_file()
    {
        byte[] content =
        [
            .. "good caf"u8, 0xE9, .. " ok\n"u8,
            .. "bad"u8, 0xFF, 0xFE, .. "bytes fine\n"u8,
            0xC3, 0x28, .. " tail\n"u8,
            .. "end"u8, 0xE6, 0x97,
        ];
        var path = _temp.WriteFile("latin1.txt", content);
        var outcome = SampleRunner.InProcess(path, "--tsv");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("fine\t1\ngood\t1\nok\t1\ntail\t1\n", outcome.StdOut);
        Assert.Equal(
            [$"worker 1 reading {path}", $"wordcount: warning: '{path}' is not valid UTF-8; invalid bytes were read as U+FFFD"],
            outcome.ErrorLines);
    }

    [Fact]
    public void A_binary_file_is_counted_with_a_warning()
    {
        // Every byte value, then words around NULs: a NUL is not white space, so "words\0here" is one piece, no word.
        var content = new List<byte>();
        for (var b = 0; b < 256; b++)
        {
            content.Add((byte)b);
        }

        content.AddRange(" binary words\0here \0\n binary\n"u8.ToArray());
        var path = _temp.WriteFile("blob.bin", content.ToArray());
        var outcome = SampleRunner.InProcess(path, "--tsv");

        Assert.Equal(0, outcome.ExitCode);

        // Bytes 0..255: the ASCII letters run "ABC...Z" and "abc...z" are whole pieces between punctuation.
        Assert.Equal("abcdefghijklmnopqrstuvwxyz\t2\nbinary\t2\n", outcome.StdOut);
        Assert.Contains($"wordcount: warning: '{path}' is not valid UTF-8; invalid bytes were read as U+FFFD", outcome.ErrorLines);
    }

    [Fact]
    public void Empty_files_give_only_the_header_or_nothing_in_tsv()
    {
        var empty = _temp.WriteFile("empty.txt", []);
        var blank = _temp.WriteFile("blank.txt", "\n\r\n   \n.. only a comment\nthe and of\n");

        var table = SampleRunner.InProcess(empty, blank);
        Assert.Equal(0, table.ExitCode);
        Assert.Equal("\nTOP 20 WORDS BY FREQUENCY\n\n", table.StdOut);
        Assert.Equal([$"worker 1 reading {blank}", $"worker 1 reading {empty}"], table.ErrorLines.Order(StringComparer.Ordinal));

        var tsv = SampleRunner.InProcess(empty, "--tsv");
        Assert.Equal(0, tsv.ExitCode);
        Assert.Equal(string.Empty, tsv.StdOut);
    }

    [Fact]
    public void The_table_aligns_by_unicode_scalars_and_breaks_ties_by_word()
    {
        const string text =
            "Na\u00EFve CAF\u00C9 caf\u00E9 \u6771\u4EAC \u039F\u0394\u039F\u03A3 \U00010400\U00010428 Stra\u00DFe \u01C5emal alpha beta\n";
        var path = _temp.WriteFile("unicode.txt", text);
        var outcome = SampleRunner.InProcess(path);

        // The longest word has 6 scalars (straße): a column of 7, then ": ", then the count in 5.
        const string expected =
            "\nTOP 20 WORDS BY FREQUENCY\n\n" +
            "caf\u00E9   :     2\n" +
            "alpha  :     1\n" +
            "beta   :     1\n" +
            "na\u00EFve  :     1\n" +
            "stra\u00DFe :     1\n" +
            "\u01C6emal  :     1\n" +
            "\u03BF\u03B4\u03BF\u03C2   :     1\n" +
            "\u6771\u4EAC     :     1\n" +
            "\U00010428\U00010428     :     1\n";
        Assert.Equal(expected, outcome.StdOut);
    }

    [Fact]
    public void Top_limits_the_rows_and_names_the_requested_count()
    {
        var path = _temp.WriteFile("top.txt", "zebra zebra zebra yak yak xenops walrus walrus\nvole\n");

        Assert.Equal(
            "\nTOP 2 WORDS BY FREQUENCY\n\nzebra  :     3\nwalrus :     2\n",
            SampleRunner.InProcess(path, "--top", "2").StdOut);
        Assert.Equal(
            "\nTOP 3 WORDS BY FREQUENCY\n\nzebra  :     3\nwalrus :     2\nyak    :     2\n",
            SampleRunner.InProcess(path, "--top=3").StdOut);
        Assert.Equal(
            "\nTOP 50 WORDS BY FREQUENCY\n\nzebra  :     3\nwalrus :     2\nyak    :     2\nvole   :     1\nxenops :     1\n",
            SampleRunner.InProcess("--top", "50", path).StdOut);
    }

    [Fact]
    public void Tsv_lists_every_word_by_count_then_ordinal_word_order()
    {
        // Ordinal order: upper-case-free words, so compare code units: "b" < "ba" < "bz" < "é" (U+00E9).
        var path = _temp.WriteFile("order.txt", "\u00E9t\u00E9 ba b bz b ba \u00E9t\u00E9 zz\n");
        Assert.Equal("b\t2\nba\t2\n\u00E9t\u00E9\t2\nbz\t1\nzz\t1\n", SampleRunner.InProcess(path, "--tsv").StdOut);
    }
}
