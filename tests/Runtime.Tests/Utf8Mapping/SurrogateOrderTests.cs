using MapReduceGen.Engine.Keys;
using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Utf8Mapping;

/// <summary>
/// String keys sort ordinally (by UTF-16 code unit, as <see cref="string.CompareOrdinal(string, string)"/>) even when
/// they hold lone surrogates, which are stored as WTF-8: a lone high surrogate and a surrogate pair that starts with it
/// share their first unit, and the unit after it decides, not the code point.
/// </summary>
public sealed class SurrogateOrderTests
{
    // The characters around every boundary where UTF-8 order and UTF-16 order part: lone surrogates of both halves,
    // U+E000-U+FFFF, supplementary characters (pairs), and the smallest and an ordinary character.
    private static readonly string[] Pieces =
        ["\0", "a", "\u00E9", "\u07FF", "\uD7FF", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uE000", "\uFFFF", "\U00010000", "\U00010400", "\U0010FFFF"];

    [Fact]
    public void The_example_of_the_report_sorts_ordinally()
    {
        MapReduceResult<string, int> counts = KeyOrderJob.Run(["\0\0\uD800\uDC00", "\0\0\uD800\uFFFF"], new MapReduceOptions { MaxDegreeOfParallelism = 1 });

        Assert.Equal(["\0\0\uD800\uDC00", "\0\0\uD800\uFFFF"], counts.Select(e => e.Key));
    }

    [Fact]
    public void Stored_keys_compare_as_their_strings_compare_ordinally()
    {
        var random = new Random(5);
        var mismatches = new List<string>();
        for (int i = 0; i < 50_000 && mismatches.Count < 5; i++)
        {
            string left = RandomKey(random);
            string right = random.Next(4) == 0 ? left + RandomKey(random) : RandomKey(random);
            int expected = Math.Sign(string.CompareOrdinal(left, right));
            int actual = Math.Sign(Utf8Text.CompareOrdinal(Stored(left), Stored(right)));
            if (expected != actual)
            {
                mismatches.Add($"{Escape(left)} vs {Escape(right)}: {actual}, ordinal {expected}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    public void A_job_sorted_by_key_puts_keys_with_lone_surrogates_in_ordinal_order(int workers, int partitions)
    {
        var random = new Random(9);
        string[] keys = [.. Enumerable.Range(0, 20_000).Select(_ => RandomKey(random))];

        MapReduceResult<string, int> counts = KeyOrderJob.Run(keys, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions });

        string[] expected = [.. keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        string[] actual = [.. counts.Select(e => e.Key)];
        int outOfOrder = 0;
        for (int i = 1; i < actual.Length; i++)
        {
            outOfOrder += string.CompareOrdinal(actual[i - 1], actual[i]) >= 0 ? 1 : 0;
        }

        Assert.Equal(0, outOfOrder);
        Assert.Equal(expected, actual);
        Assert.All(expected, key => Assert.Equal(keys.Count(k => k == key), counts[key]));
    }

    private static string RandomKey(Random random)
    {
        int length = random.Next(1, 5);
        var pieces = new string[length];
        for (int i = 0; i < length; i++)
        {
            pieces[i] = Pieces[random.Next(Pieces.Length)];
        }

        return string.Concat(pieces);
    }

    private static byte[] Stored(string key)
    {
        byte[] bytes = new byte[Utf8Text.MaxEncodedLength(key.Length)];
        return bytes[..Utf8Text.Encode(key, bytes)];
    }

    private static string Escape(string text) => string.Concat(text.Select(c => $"\\u{(int)c:X4}"));
}
