using BenchmarkDotNet.Attributes;
using MapReduceGen.Runtime.Tests.Flooding;

namespace MapReduceGen.Benchmarks.Flooding;

/// <summary>
/// Hash flooding with keys that are not strings: distinct keys built to collide under both the stable hash (low bits)
/// and their own hash code (<see cref="CollidingNumbers"/>), against as many random keys of the same type (the
/// baseline), each key three times in a shuffled order, counted by a generated job. Before the keyed hash mixed the
/// keys' contents, 40,000 such long keys took 26-39x the time of random ones. Target: within 3x of the random keys.
/// </summary>
[Config(typeof(SuiteConfig))]
public class KeyFloodBenchmarks
{
    private Func<int>? _random;
    private Func<int>? _colliding;

    /// <summary>The key type.</summary>
    [Params("long", "decimal", "record struct", "tuple")]
    public string Key { get; set; } = "long";

    /// <summary>The number of distinct keys.</summary>
    public int DistinctKeys => Key == "decimal" ? 20_000 : 40_000;

    [Params(1, 2)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        int count = DistinctKeys;
        switch (Key)
        {
            case "long":
                Prepare(CollidingNumbers.RandomLongs(count), CollidingNumbers.Longs(count), LongKeyCountJob.Run);
                break;
            case "decimal":
                // Random decimals of the same size as the colliding ones (high word fixed, middle and low words random).
                Prepare(Distinct(count, () => new decimal(random.Next(), random.Next(), 0x40000000, false, 0)), CollidingNumbers.Decimals(count), DecimalKeyCountJob.Run);
                break;
            case "record struct":
                Prepare(
                    Distinct(count, () => new GridCell(random.Next(), random.Next())),
                    [.. CollidingNumbers.IntPairs(count).Select(p => new GridCell(p.First, p.Second))],
                    CellKeyCountJob.Run);
                break;
            case "tuple":
                Prepare(Distinct(count, () => (random.NextInt64(), random.NextInt64())), CollidingNumbers.LongPairs(count), LongPairKeyCountJob.Run);
                break;
            default:
                throw new InvalidOperationException(Key);
        }
    }

    [Benchmark(Baseline = true, Description = "random keys")]
    public int RandomKeys() => _random!();

    [Benchmark(Description = "keys built to collide")]
    public int CollidingKeys() => _colliding!();

    private void Prepare<TKey>(List<TKey> random, List<TKey> colliding, Func<IEnumerable<TKey>, MapReduceOptions?, MapReduceResult<TKey, int>> run)
        where TKey : notnull
    {
        TKey[] randomInputs = Inputs(random);
        TKey[] collidingInputs = Inputs(colliding);
        int expected = DistinctKeys;
        _random = () => Check(run(randomInputs, new MapReduceOptions { MaxDegreeOfParallelism = Workers }).Count, expected);
        _colliding = () => Check(run(collidingInputs, new MapReduceOptions { MaxDegreeOfParallelism = Workers }).Count, expected);
    }

    private static int Check(int count, int expected) =>
        count == expected ? count : throw new InvalidOperationException($"{count} keys, expected {expected}");

    // Each key three times, in a shuffled order.
    private static TKey[] Inputs<TKey>(List<TKey> keys)
    {
        var all = new List<TKey>(keys.Count * 3);
        for (int round = 0; round < 3; round++)
        {
            all.AddRange(keys);
        }

        new Random(7).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(all));
        return [.. all];
    }

    private static List<TKey> Distinct<TKey>(int count, Func<TKey> next)
    {
        var keys = new HashSet<TKey>();
        while (keys.Count < count)
        {
            keys.Add(next());
        }

        return [.. keys];
    }
}
