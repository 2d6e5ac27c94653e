using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Stress;

/// <summary>
/// Two million distinct keys, plus a few keys with very many values each, through a grouping reducer: every key
/// present once with the right result (checked arithmetically, not with a second in-memory grouping).
/// </summary>
public sealed class ManyKeysStressTests
{
    [Fact]
    public async Task TwoMillionDistinctKeysAndHotKeys_GroupingReducer()
    {
        const int Count = 2_000_000;
        int[] inputs = [.. Enumerable.Range(0, Count)];

        MapReduceResult<int, long> result = await Bounded.Run(() => SpreadJob.Run(inputs), TimeSpan.FromSeconds(120));

        Assert.Equal(Count + SpreadJob.HotKeys, result.Count);
        Assert.Equal(Count + SpreadJob.HotKeys, result.Statistics.DistinctKeys);
        Assert.Equal(Count, result.Statistics.InputsRead);
        Assert.Equal(2L * Count, result.Statistics.PairsEmitted);
        for (int hot = 0; hot < SpreadJob.HotKeys; hot++)
        {
            // Key -1 - h holds every input x with x % 16 == h: Count / 16 values, h + 16 * i for i in 0..Count/16.
            long values = Count / SpreadJob.HotKeys;
            long sum = (hot * values) + (SpreadJob.HotKeys * values * (values - 1) / 2);
            Assert.Equal((sum * 4) + values, result[-1 - hot]);
        }

        var random = new Random(1);
        for (int i = 0; i < 10_000; i++)
        {
            int key = random.Next(Count);
            Assert.Equal((key * 4L) + 1, result[key]);
        }

        long checksum = 0;
        int enumerated = 0;
        foreach (KeyValuePair<int, long> pair in result)
        {
            enumerated++;
            if (pair.Key >= 0)
            {
                checksum += pair.Value - ((pair.Key * 4L) + 1);
            }
        }

        Assert.Equal(Count + SpreadJob.HotKeys, enumerated);
        Assert.Equal(0, checksum);
    }
}
