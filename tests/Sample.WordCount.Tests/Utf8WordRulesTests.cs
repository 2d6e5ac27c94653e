using System.Text;

namespace Sample.WordCount.Tests;

/// <summary>
/// The block mapper's rules on raw UTF-8 keep exactly the words the character rules keep: line by line, whatever the
/// terminators, for ASCII lines (handled as bytes) and for every other line (decoded as the line reader decodes it,
/// ill-formed bytes as U+FFFD).
/// </summary>
public class Utf8WordRulesTests
{
    private static readonly string[] LineEnds = ["\n", "\r\n", "\r"];

    [Fact]
    public void Random_ascii_and_unicode_lines_give_the_same_words_as_the_character_rules()
    {
        var random = new Random(11);
        string[] extras = ["\u00E9", "\u00C9", "\u03A3", "\u0130", "\u00A0", "\u2003", "\U00010400", "\u6771", "\u00B2", "\u02B0"];
        for (int round = 0; round < 400; round++)
        {
            var lines = new List<string>();
            for (int l = random.Next(1, 12); l > 0; l--)
            {
                var line = new StringBuilder();
                if (random.Next(8) == 0)
                {
                    line.Append(random.Next(2) == 0 ? " .." : "..");
                }

                for (int c = random.Next(0, 60); c > 0; c--)
                {
                    // Mostly letters and spaces, every ASCII character now and then, sometimes a non-ASCII one.
                    int pick = random.Next(100);
                    line.Append(pick switch
                    {
                        < 40 => (char)('a' + random.Next(26)),
                        < 55 => (char)('A' + random.Next(26)),
                        < 75 => ' ',
                        < 95 => (char)random.Next(0, 128) is var ascii && ascii is not ('\n' or '\r') ? ascii.ToString() : " ",
                        _ => extras[random.Next(extras.Length)],
                    });
                }

                lines.Add(line.ToString());
            }

            string end = LineEnds[random.Next(LineEnds.Length)];
            string text = string.Join(end, lines) + (random.Next(2) == 0 ? end : "");
            Assert.Equal(CharacterRules(lines), ByteRules(Encoding.UTF8.GetBytes(text)));
        }
    }

    [Fact]
    public void Every_ascii_character_between_letters_is_judged_as_the_character_rules_judge_it()
    {
        for (int c = 0; c < 128; c++)
        {
            if (c is '\n' or '\r')
            {
                continue;
            }

            string line = "Pre" + (char)c + "post WORD" + (char)c + " x" + (char)c + "Y";
            Assert.Equal(CharacterRules([line]), ByteRules(Encoding.ASCII.GetBytes(line)));
        }
    }

    [Fact]
    public void Stop_words_and_their_neighbours_are_judged_as_the_character_rules_judge_them()
    {
        var words = new List<string>(WordRules.StopWords);
        foreach (string stop in WordRules.StopWords)
        {
            words.Add(stop + "s");
            words.Add(stop.ToUpperInvariant());
            words.Add(stop[..^1]);
            words.Add("x" + stop);
        }

        string line = string.Join(' ', words);
        Assert.Equal(CharacterRules([line]), ByteRules(Encoding.ASCII.GetBytes(line)));
    }

    [Fact]
    public void Ill_formed_utf8_reads_as_the_line_reader_reads_it()
    {
        byte[] text = [.. "caf"u8, 0xE9, .. " ok \xff word\n"u8.ToArray().Where(b => b != 0), .. "na\u00EFve "u8, 0xC3, .. "\n"u8];
        string decoded = Encoding.UTF8.GetString(text);

        Assert.Equal(CharacterRules(decoded.Split('\n')), ByteRules(text));
    }

    [Fact]
    public void A_very_long_ascii_word_is_kept_whole_and_lowered()
    {
        string word = new string('Q', 10_000);

        Assert.Equal([new string('q', 10_000)], ByteRules(Encoding.ASCII.GetBytes(word + "\n")));
    }

    private static List<string> CharacterRules(IEnumerable<string> lines)
    {
        var sink = new Collect([]);
        foreach (string line in lines)
        {
            WordRules.ForEachWord(line.AsSpan(), ref sink);
        }

        return sink.Words;
    }

    private static List<string> ByteRules(byte[] block)
    {
        var sink = new Collect([]);
        Utf8WordRules.ForEachWord(block, ref sink);
        return sink.Words;
    }

    private readonly struct Collect(List<string> words) : IUtf8WordSink
    {
        public List<string> Words { get; } = words;

        public void Word(scoped ReadOnlySpan<char> word) => Words.Add(word.ToString());

        public void Utf8Word(scoped ReadOnlySpan<byte> word) => Words.Add(Encoding.UTF8.GetString(word));
    }
}
