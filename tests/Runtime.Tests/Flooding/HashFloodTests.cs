using System.Text;
using MapReduceGen.Engine;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Tables;
using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Flooding;

/// <summary>
/// Keys built to collide under the stable hash cannot make a table quadratic: the table notices its probes growing and
/// switches to a hash keyed per process, and the result stays exact. (How long such keys take against random keys is
/// measured in bench/, never timed here.)
/// </summary>
public sealed class HashFloodTests
{
    [Fact]
    public void Keys_built_to_collide_really_share_one_stable_hash()
    {
        List<string> words = CollidingKeys.Words(200);

        Assert.Equal(200, words.Distinct(StringComparer.Ordinal).Count());
        Assert.Single(words.Select(w => StableHash.OfUtf8(Encoding.ASCII.GetBytes(w))).Distinct());
        Assert.Single(words.Select(StableHash.Of).Distinct());
    }

    [Fact]
    public void A_table_flooded_with_colliding_string_keys_switches_to_the_keyed_hash_and_stays_linear()
    {
        List<string> words = CollidingKeys.Words(20_000);
        var sink = new Utf8MapSink<int, int, FoldMapSide<WordCountJob.MapReduceJob, int>>();

        for (int round = 0; round < 3; round++)
        {
            foreach (string word in words)
            {
                sink.AddUtf8(Encoding.ASCII.GetBytes(word), 1);
            }
        }

        KeyTable<Utf8Key, int, Utf8KeyOps> table = sink.Table<Utf8Key, Utf8KeyOps>();
        Assert.True(table.IsKeyed);
        Assert.Equal(words.Count, table.Count);
        Assert.All(table.Entries.ToArray(), entry => Assert.Equal(3, entry.Slot));

        // Without the switch, 20,000 keys of one hash cost about 20,000^2 / 2 = 2e8 probes; with it, the probes stay
        // within a few per lookup plus the check's allowance.
        Assert.True(
            table.ExtraProbes <= (KeyTable<Utf8Key, int, Utf8KeyOps>.FloodedProbesPerLookup * table.Lookups) + (2L * KeyTable<Utf8Key, int, Utf8KeyOps>.FirstFloodCheck),
            $"{table.ExtraProbes} extra probes for {table.Lookups} lookups");
    }

    [Fact]
    public void Random_keys_never_switch_a_table_to_the_keyed_hash()
    {
        var sink = new Utf8MapSink<int, int, FoldMapSide<WordCountJob.MapReduceJob, int>>();
        foreach (string word in CollidingKeys.RandomWords(200_000))
        {
            sink.AddUtf8(Encoding.ASCII.GetBytes(word), 1);
        }

        KeyTable<Utf8Key, int, Utf8KeyOps> table = sink.Table<Utf8Key, Utf8KeyOps>();
        Assert.False(table.IsKeyed);
        Assert.True(table.ExtraProbes < 2 * table.Lookups, $"{table.ExtraProbes} extra probes for {table.Lookups} lookups");
    }

    [Fact]
    public void Integer_keys_that_share_their_low_hash_bits_switch_the_table_too()
    {
        // Keys whose stable hashes agree in their low 16 bits all start probing at the same bucket of any table with up
        // to 65,536 buckets: one long cluster.
        var keys = new List<int>();
        int target = StableHash.Of(0) & 0xFFFF;
        for (int candidate = 0; keys.Count < 12_000; candidate++)
        {
            if ((StableHash.Of(candidate) & 0xFFFF) == target)
            {
                keys.Add(candidate);
            }
        }

        var sink = new ObjectMapSink<ResidueSumJob.MapReduceJob, int, long, long, FoldMapSide<ResidueSumJob.MapReduceJob, long>>();
        foreach (int key in keys)
        {
            sink.Add(key, key);
            sink.Add(key, 1);
        }

        KeyTable<int, long, ObjectKeyOps<int, ResidueSumJob.MapReduceJob>> table = sink.Table<int, ObjectKeyOps<int, ResidueSumJob.MapReduceJob>>();
        Assert.True(table.IsKeyed);
        Assert.Equal(keys.Count, table.Count);
        foreach (int key in keys)
        {
            Assert.True(table.TryFind(new ObjectProbe<int, ObjectKeyOps<int, ResidueSumJob.MapReduceJob>>(key, default), StableHash.Of(key), out int index));
            Assert.Equal(key + 1L, table.EntryAt(index).Slot);
        }
    }

    [Fact]
    public void Adding_colliding_keys_known_to_be_absent_switches_the_table_too()
    {
        // The reduce side adds the largest piece of a partition without lookups, and every growth puts all keys back:
        // both must notice a flood, or merging two map tasks' colliding keys is quadratic.
        List<string> words = CollidingKeys.Words(20_000);
        var arena = new Utf8Arena();
        var table = new KeyTable<Utf8Key, int, Utf8KeyOps>(default, 16);
        foreach (string word in words)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(word);
            int hash = StableHash.OfUtf8(bytes, out ulong prefix);
            table.AddUnique(arena.Store(bytes, prefix), hash) = word.Length;
        }

        Assert.True(table.IsKeyed);
        Assert.Equal(words.Count, table.Count);
        Assert.True(
            table.ExtraProbes <= (KeyTable<Utf8Key, int, Utf8KeyOps>.FloodedProbesPerLookup * table.Lookups) + (4L * KeyTable<Utf8Key, int, Utf8KeyOps>.FirstFloodCheck),
            $"{table.ExtraProbes} extra probes for {table.Lookups} lookups");
        foreach (string word in words)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(word);
            int hash = StableHash.OfUtf8(bytes);
            Assert.True(table.TryFind(new Utf8Probe(bytes, null), hash, out int index), word);
            Assert.Equal(8, table.EntryAt(index).Slot);
        }
    }

    [Fact]
    public void Looking_keys_up_in_a_result_never_changes_its_table()
    {
        // 200 colliding keys stay under the first flood check while the table is built, so it keeps the stable hash and
        // one long probe chain. Lookups in a result must not count towards flood detection: a switch to the keyed hash
        // rewrites every entry and bucket, which threads reading the result at the same time would see half done.
        List<string> words = CollidingKeys.Words(200);
        var arena = new Utf8Arena();
        var table = new KeyTable<Utf8Key, int, Utf8KeyOps>(default, 16);
        foreach (string word in words)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(word);
            table.AddUnique(arena.Store(bytes, StableHash.PrefixOf(bytes)), StableHash.OfUtf8(bytes)) = 1;
        }

        Assert.False(table.IsKeyed);
        long lookups = table.Lookups;
        long probes = table.ExtraProbes;
        for (int round = 0; round < 200; round++)
        {
            foreach (string word in words)
            {
                byte[] bytes = Encoding.ASCII.GetBytes(word);
                Assert.True(table.Contains(new Utf8Probe(bytes, null), StableHash.OfUtf8(bytes), out _));
            }
        }

        Assert.False(table.IsKeyed);
        Assert.Equal(lookups, table.Lookups);
        Assert.Equal(probes, table.ExtraProbes);
    }

    [Fact]
    public async Task Threads_reading_a_result_of_colliding_keys_at_once_all_find_every_key()
    {
        List<string> words = CollidingKeys.Words(200);
        MapReduceResult<string, int> counts = WordCountJob.Run(
            [string.Join(' ', words), string.Join(' ', words)], new MapReduceOptions { MaxDegreeOfParallelism = 1, PartitionCount = 1 });

        Task[] readers = [.. Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (int round = 0; round < 100; round++)
            {
                foreach (string word in words)
                {
                    Assert.True(counts.TryGetValue(word, out int count), word);
                    Assert.Equal(2, count);
                }
            }
        }))];
        await Task.WhenAll(readers);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 7)]
    public void A_job_over_colliding_words_gives_the_exact_counts(int workers, int partitions)
    {
        List<string> words = CollidingKeys.Words(5_000);
        var lines = new List<string>();
        for (int i = 0; i < words.Count; i += 10)
        {
            lines.Add(string.Join(' ', words.Skip(i).Take(10)));
            lines.Add(string.Join(' ', words.Skip(i).Take(5)));
        }

        MapReduceResult<string, int> counts = WordCountJob.Run(
            lines, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions, ChunkSize = 16 });

        Assert.Equal(words.Count, counts.Count);
        for (int i = 0; i < words.Count; i++)
        {
            Assert.Equal(i % 10 < 5 ? 2 : 1, counts[words[i]]);
        }
    }
}
