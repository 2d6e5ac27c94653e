using System.Text;
using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Results;

/// <summary>
/// <see cref="MapReduceResultExtensions.Utf8Entries{TResult}(MapReduceResult{string, TResult})"/>: the same entries as
/// the result, in the same order, each key as its UTF-8 bytes, whether the run kept the keys as UTF-8 or not.
/// </summary>
public sealed class Utf8EntriesTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 7)]
    [InlineData(4, 64)]
    public void EngineResultGivesEveryKeyAsItsUtf8InEnumerationOrder(int workers, int partitions)
    {
        string[] lines =
        [
            "alpha beta gamma alpha",
            "naïve café ünïcödé 日本語 emoji-😀 alpha",
            "a-very-long-word-beyond-eight-bytes beta a-very-long-word-beyond-eight-bytes",
        ];
        MapReduceResult<string, int> result = WordCountJob.Run(
            lines, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions });

        Utf8ResultEntry<int>[] entries = [.. result.Utf8Entries()];

        Assert.Equal(result.Count, entries.Length);
        Assert.Equal(
            result.Select(pair => (pair.Key, pair.Value)),
            entries.Select(entry => (Encoding.UTF8.GetString(entry.Key.Span), entry.Result)));
        Assert.Equal(3, result["alpha"]);
        (ReadOnlyMemory<byte> key, int count) = entries.Single(e => e.Key.Span.SequenceEqual("日本語"u8));
        Assert.Equal(9, key.Length);
        Assert.Equal(1, count);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(4, 16)]
    public void SortedByKeyTheUtf8EntriesAreInKeyOrder(int workers, int partitions)
    {
        string[] lines = ["delta alpha café", "charlie bravo alpha", "日本語 echo a-very-long-word-beyond-eight-bytes bravo alpha"];
        MapReduceResult<string, int> result = SortedWordCountJob.Run(
            lines, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions });

        Utf8ResultEntry<int>[] entries = [.. result.Utf8Entries()];

        Assert.Equal(result.Keys.Order(StringComparer.Ordinal), result.Keys);
        Assert.Equal(
            result.Select(pair => (pair.Key, pair.Value)),
            entries.Select(entry => (Encoding.UTF8.GetString(entry.Key.Span), entry.Result)));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(4, 16)]
    public void WithAnOutputOrderTheUtf8EntriesFollowIt(int workers, int partitions)
    {
        string[] lines = ["a b c d e a b c d a b c a b a", "f g h a", "naïve naïve naïve naïve naïve naïve"];
        MapReduceResult<string, int> result = WordsByCountJob.Run(
            lines, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions });

        Utf8ResultEntry<int>[] entries = [.. result.Utf8Entries()];

        Assert.Equal(["a", "naïve", "b", "c", "d", "e", "f", "g", "h"], result.Keys);
        Assert.Equal(
            result.Select(pair => (pair.Key, pair.Value)),
            entries.Select(entry => (Encoding.UTF8.GetString(entry.Key.Span), entry.Result)));
    }

    [Fact]
    public void CreatedResultEncodesItsKeysAndKeepsLoneSurrogatesAsWtf8()
    {
        MapReduceResult<string, int> result = MapReduceResult.Create(
            [new KeyValuePair<string, int>("plain", 1), new("lone\uD800", 2), new("", 3)],
            new MapReduceStatistics { JobName = "created" });

        Utf8ResultEntry<int>[] entries = [.. result.Utf8Entries()];

        Assert.Equal(3, entries.Length);
        Assert.Equal(result.Select(pair => pair.Value), entries.Select(entry => entry.Result));
        byte[] lone = entries.Single(e => e.Result == 2).Key.ToArray();
        Assert.Equal(new byte[] { (byte)'l', (byte)'o', (byte)'n', (byte)'e', 0xED, 0xA0, 0x80 }, lone); // WTF-8, not the replacement character
        Assert.True(entries.Single(e => e.Result == 3).Key.IsEmpty);
    }

    [Fact]
    public void NullResultIsRejected() =>
        Assert.Throws<ArgumentNullException>(() => MapReduceResultExtensions.Utf8Entries<int>((MapReduceResult<string, int>)null!));
}
