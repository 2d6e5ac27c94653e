using MapReduceGen.Engine;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Runtime.Tests.Utf8Mapping;

public sealed class StringKeyTableTests
{
    /// <summary>Keys that differ only past the inline characters, only in length, or hold NUL characters.</summary>
    private static List<string> TrickyKeys()
    {
        var keys = new List<string> { "", "\0", "\0\0", "a", "a\0", "abcdefg", "abcdefg\0", "abcdefgh", "abcdefgi", "abcdefghijklmnop", "abcdefghijklmnoq" };
        for (int i = 0; i < 5000; i++)
        {
            keys.Add("k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            keys.Add("prefix7" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        keys.Add(new string('z', 70_000));
        keys.Add(new string('z', 70_000 - 65_536));
        return keys;
    }

    [Fact]
    public void Counts_EveryKey_Separately_WhetherGivenAsString_Characters_OrUtf8()
    {
        var sink = new Utf8MapSink<int, int, FoldMapSide<CountKeys, int>>();
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        List<string> keys = TrickyKeys();
        for (int round = 0; round < 3; round++)
        {
            foreach (string key in keys)
            {
                switch (round)
                {
                    case 0:
                        sink.AddString(key, 1);
                        break;
                    case 1:
                        sink.AddChars(key.AsSpan(), 1);
                        break;
                    default:
                        sink.AddUtf8(System.Text.Encoding.UTF8.GetBytes(key), 1);
                        break;
                }

                expected[key] = expected.GetValueOrDefault(key) + 1;
            }
        }

        Assert.Equal(expected.Count, sink.KeyCount);
        KeyTable<Utf8Key, int, Utf8KeyOps> table = sink.Table<Utf8Key, Utf8KeyOps>();
        foreach (KeyValuePair<string, int> pair in expected)
        {
            byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(pair.Key);
            Assert.True(table.TryFind(new Utf8Probe(utf8, null), StableHash.Of(pair.Key), out int index), pair.Key.Length > 20 ? "long key" : pair.Key);
            Assert.Equal(pair.Value, table.Entries[index].Slot);
            Assert.Equal(pair.Key, table.Entries[index].Key.ToString());
        }
    }

    [Fact]
    public void FoldJob_StringAndSpanEmits_OfOneKey_Meet()
    {
        string[] lines = ["alpha alphabetical alpha", "alphabetical alpha\0 alpha", "ALPHA alpha"];
        MapReduceResult<string, int> counts = Utf8WordCountJob.Run(lines, new MapReduceOptions { MaxDegreeOfParallelism = 2, ChunkSize = 1 });

        Assert.Equal(4, counts["alpha"]);
        Assert.Equal(2, counts["alphabetical"]);
        Assert.Equal(1, counts["alpha\0"]);
        Assert.Equal(1, counts["ALPHA"]);
        Assert.Equal(4, counts.Count);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 5)]
    [InlineData(2, 1)]
    public void FoldJob_SeveralWorkers_CountEveryPairOnce(int workers, int partitions)
    {
        var lines = new string[3000];
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Length; i++)
        {
            string[] words = ["w" + (i % 7), "shared", "long-word-" + (i % 50), "u" + i];
            lines[i] = string.Join(' ', words);
            foreach (string word in words)
            {
                expected[word] = expected.GetValueOrDefault(word) + 1;
            }
        }

        MapReduceResult<string, int> counts = SlowWordCountJob.Run(
            lines, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions, ChunkSize = 1 });

        Assert.Equal(expected.Count, counts.Count);
        foreach (KeyValuePair<string, int> pair in expected)
        {
            Assert.Equal(pair.Value, counts[pair.Key]);
        }
    }

    private readonly struct CountKeys : IKeyEquality<string>, ICombiner<int>
    {
        public static int GetKeyHash(string key) => StableHash.Of(key);

        public static bool KeysEqual(string left, string right) => string.Equals(left, right, StringComparison.Ordinal);

        public static int Combine(int left, int right) => left + right;
    }
}
