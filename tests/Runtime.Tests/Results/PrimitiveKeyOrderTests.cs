using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Results;

/// <summary>
/// Jobs sorted by a primitive key with no <c>[KeyComparer]</c> sort and choose key ranges with the runtime's own order
/// (no delegate, no re-check): the output must still be in that order, across partitions and workers, extremes and
/// negative numbers included.
/// </summary>
public sealed class PrimitiveKeyOrderTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 0)]
    [InlineData(2, 7)]
    [InlineData(3, 16)]
    public void Long_keys_come_out_in_ascending_order_with_their_counts(int workers, int partitions)
    {
        var random = new Random(11);
        var inputs = new List<long> { long.MinValue, long.MaxValue, 0, -1, 1, long.MinValue + 1, long.MaxValue - 1 };
        for (int i = 0; i < 20_000; i++)
        {
            inputs.Add(random.Next(3) switch
            {
                0 => random.Next(-500, 500),
                1 => random.NextInt64(long.MinValue, long.MaxValue),
                _ => (long)random.Next() << random.Next(32),
            });
        }

        inputs.AddRange(inputs.Take(5_000).ToList());
        MapReduceResult<long, int> counts = LongKeyOrderJob.Run(
            inputs, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions, ChunkSize = 512 });

        var expected = inputs.GroupBy(x => x).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        Assert.Equal(expected, counts.Select(e => (e.Key, e.Value)).ToList());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    public void Char_keys_come_out_in_ascending_order(int workers, int partitions)
    {
        string[] inputs = ["\uFFFF\0zebra", "Apple\u00E9", "\uD800\uDC00 mixed", "0123456789", "ZZZ\u0001", "\u7FFF\u8000"];
        MapReduceResult<char, int> sums = CharKeyOrderJob.Run(
            inputs, new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = partitions, ChunkSize = 1 });

        var expected = inputs.SelectMany(s => s.Select(c => (c, s.Length)))
            .GroupBy(p => p.c).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(p => p.Length))).ToList();
        Assert.Equal(expected, sums.Select(e => (e.Key, e.Value)).ToList());
    }
}
