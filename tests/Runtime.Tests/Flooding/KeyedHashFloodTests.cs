using MapReduceGen.Engine;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Tables;
using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Flooding;

/// <summary>
/// Keys that are not strings, built to collide under both their stable hash and their own hash code
/// (<see cref="CollidingNumbers"/>), cannot make a table quadratic: the keyed hash a flooded table switches to mixes
/// the key's contents (member by member for records and tuples) with a per-process secret, never the key's own hash
/// code. (Their time against random keys is measured in bench/, never timed here.)
/// </summary>
public sealed class KeyedHashFloodTests
{
    private const int Keys = 20_000;

    [Fact]
    public void The_colliding_keys_really_share_their_hash_code_and_their_start_bucket()
    {
        const int mask = (1 << CollidingNumbers.SharedBits) - 1;
        AssertCollide(CollidingNumbers.Longs(2_000), LongCountJob.MapReduceJob.GetKeyHash);
        AssertCollide(CollidingNumbers.Dates(2_000), DateCountJob.MapReduceJob.GetKeyHash);
        AssertCollide(CollidingNumbers.Decimals(2_000), DecimalCountJob.MapReduceJob.GetKeyHash);
        AssertCollide([.. CollidingNumbers.IntPairs(2_000).Select(p => new Cell(p.First, p.Second))], CellCountJob.MapReduceJob.GetKeyHash);
        AssertCollide(CollidingNumbers.LongPairs(2_000), LongPairCountJob.MapReduceJob.GetKeyHash);

        static void AssertCollide<T>(List<T> keys, Func<T, int> stableHash)
        {
            Assert.Equal(keys.Count, keys.Distinct().Count());
            Assert.Single(keys.Select(k => k!.GetHashCode()).Distinct());
            Assert.Single(keys.Select(k => stableHash(k) & mask).Distinct());
        }
    }

    [Fact]
    public void Long_keys_with_one_hash_code_stay_linear_in_a_flooded_table() =>
        AssertLinear<LongCountJob.MapReduceJob, long>(CollidingNumbers.Longs(Keys));

    [Fact]
    public void Date_keys_with_one_hash_code_stay_linear_in_a_flooded_table() =>
        AssertLinear<DateCountJob.MapReduceJob, DateTime>(CollidingNumbers.Dates(Keys));

    [Fact]
    public void Decimal_keys_with_one_hash_code_stay_linear_in_a_flooded_table() =>
        AssertLinear<DecimalCountJob.MapReduceJob, decimal>(CollidingNumbers.Decimals(Keys));

    [Fact]
    public void Record_struct_keys_with_one_hash_code_stay_linear_in_a_flooded_table() =>
        AssertLinear<CellCountJob.MapReduceJob, Cell>([.. CollidingNumbers.IntPairs(Keys).Select(p => new Cell(p.First, p.Second))]);

    [Fact]
    public void Tuple_keys_with_one_hash_code_stay_linear_in_a_flooded_table() =>
        AssertLinear<LongPairCountJob.MapReduceJob, (long, long)>(CollidingNumbers.LongPairs(Keys));

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(2, 3)]
    public void Jobs_over_colliding_keys_of_every_kind_give_the_exact_counts(int workers, int partitions)
    {
        var options = new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions };
        AssertCounts(CollidingNumbers.Longs(5_000), keys => LongCountJob.Run(keys, options));
        AssertCounts(CollidingNumbers.Decimals(5_000), keys => DecimalCountJob.Run(keys, options));
        AssertCounts([.. CollidingNumbers.IntPairs(5_000).Select(p => new Cell(p.First, p.Second))], keys => CellCountJob.Run(keys, options));
        AssertCounts(CollidingNumbers.LongPairs(5_000), keys => LongPairCountJob.Run(keys, options));

        static void AssertCounts<T>(List<T> keys, Func<List<T>, MapReduceResult<T, int>> run)
            where T : notnull
        {
            // Every key twice, the second time in reverse order.
            MapReduceResult<T, int> counts = run([.. keys, .. Enumerable.Reverse(keys)]);
            Assert.Equal(keys.Count, counts.Count);
            Assert.All(keys, key => Assert.Equal(2, counts[key]));
        }
    }

    [Fact]
    public void Equal_decimals_of_different_scales_stay_one_key_in_a_flooded_table()
    {
        // The table is flooded (keyed) before 1.0m, 1.00m and 1m arrive: the keyed hash must normalise them as the
        // key's equality does, or the one key 1 would be counted three times.
        List<decimal> keys = CollidingNumbers.Decimals(5_000);
        decimal[] ones = [1.0m, 1.00m, 1m, 1.000000m];
        decimal[] zeros = [0m, -0m, 0.00m, -0.000m];
        MapReduceResult<decimal, int> counts = DecimalCountJob.Run(
            [.. keys, .. ones, .. zeros, 2.50m, 2.5m], new MapReduceOptions { MaxDegreeOfParallelism = 1 });

        Assert.Equal(keys.Count + 3, counts.Count);
        Assert.Equal(4, counts[1m]);
        Assert.Equal(4, counts[0m]);
        Assert.Equal(2, counts[2.5m]);
    }

    [Fact]
    public void The_keyed_hash_treats_values_equal_as_keys_alike()
    {
        Assert.Equal(KeyedHash.Of(1m), KeyedHash.Of(1.000m));
        Assert.Equal(KeyedHash.Of(-12.5m), KeyedHash.Of(-12.50000m));
        Assert.Equal(KeyedHash.Of(0m), KeyedHash.Of(-0.00m));
        Assert.Equal(KeyedHash.Of(decimal.MaxValue), KeyedHash.Of(decimal.MaxValue / 1.0m));
        Assert.Equal(KeyedHash.Of(0.0), KeyedHash.Of(-0.0));
        Assert.Equal(KeyedHash.Of(double.NaN), KeyedHash.Of(BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_1234)));
        Assert.Equal(KeyedHash.Of(double.NaN), KeyedHash.Of(-double.NaN));
        Assert.Equal(KeyedHash.Of(0f), KeyedHash.Of(-0f));
        Assert.Equal(KeyedHash.Of(float.NaN), KeyedHash.Of(double.NaN));
        Assert.Equal(KeyedHash.Of(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc)), KeyedHash.Of(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Local)));
        Assert.Equal(KeyedHash.Of(DayOfWeek.Friday), KeyedHash.Of((int)DayOfWeek.Friday));
        Assert.Equal(KeyedHash.Of<decimal>(1.0m), KeyedHash.Of(1.00m));
        Assert.Equal(KeyedHash.Of<double>(-0.0), KeyedHash.Of(0.0));
        Assert.Equal(KeyedHash.Of<string>("key"), KeyedHash.Of("key"));
    }

    [Fact]
    public void Keys_of_one_hash_code_get_spread_keyed_hashes()
    {
        // Equal hash codes say nothing about the keyed hash: 5,000 such keys of each kind get (almost) 5,000 keyed hashes.
        AssertSpread(CollidingNumbers.Longs(5_000), KeyedHash.Of);
        AssertSpread(CollidingNumbers.Decimals(5_000), KeyedHash.Of);
        AssertSpread(CollidingNumbers.Dates(5_000), KeyedHash.Of);
        AssertSpread([.. CollidingNumbers.IntPairs(5_000).Select(p => new Cell(p.First, p.Second))], CellCountJob.MapReduceJob.GetKeyedHash);
        AssertSpread(CollidingNumbers.LongPairs(5_000), LongPairCountJob.MapReduceJob.GetKeyedHash);

        static void AssertSpread<T>(List<T> keys, Func<T, int> keyedHash) =>
            Assert.True(keys.Select(keyedHash).Distinct().Count() >= keys.Count - 10, typeof(T).Name);
    }

    // Adds every key twice to one map task's table: the table must switch to its keyed hash, stay within a few probes
    // per lookup (without the switch, or with a keyed hash that all these keys share, 20,000 keys cost 2e8 probes), and
    // count every key exactly.
    private static void AssertLinear<TJob, TKey>(List<TKey> keys)
        where TJob : struct, IKeyedJob<TKey>, ICombiner<int>
    {
        var sink = new ObjectMapSink<TJob, TKey, int, int, FoldMapSide<TJob, int>>();
        foreach (TKey key in keys)
        {
            sink.Add(key, 1);
        }

        foreach (TKey key in keys)
        {
            sink.Add(key, 1);
        }

        KeyTable<TKey, int, ObjectKeyOps<TKey, TJob>> table = sink.Table<TKey, ObjectKeyOps<TKey, TJob>>();
        Assert.True(table.IsKeyed);
        Assert.Equal(keys.Count, table.Count);
        Assert.All(table.Entries.ToArray(), entry => Assert.Equal(2, entry.Slot));
        Assert.True(
            table.ExtraProbes <= (KeyTable<TKey, int, ObjectKeyOps<TKey, TJob>>.FloodedProbesPerLookup * table.Lookups) + (2L * KeyTable<TKey, int, ObjectKeyOps<TKey, TJob>>.FirstFloodCheck),
            $"{table.ExtraProbes} extra probes for {table.Lookups} lookups");
    }
}
