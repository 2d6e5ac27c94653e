namespace MapReduceGen.Engine.Ordering;

/// <summary>
/// The split points of a total order: from a sample of the keys, the <c>partitionCount - 1</c> keys that cut the sorted
/// sample into equal parts. Partition <c>i</c> then holds the keys from split point <c>i - 1</c> (inclusive) to split
/// point <c>i</c> (exclusive), so every key of partition <c>i</c> precedes every key of partition <c>i + 1</c>.
/// </summary>
internal static class SplitPoints
{
    /// <summary>How many keys to sample per partition: enough that partitions come out roughly even.</summary>
    public const int SamplesPerPartition = 64;

    /// <summary>Sorts <paramref name="samples"/> in place and picks the split points.</summary>
    public static TKey[] Choose<TKey>(List<TKey> samples, int partitionCount, Comparison<TKey> compare)
    {
        if (partitionCount <= 1 || samples.Count == 0)
        {
            return [];
        }

        samples.Sort(compare);
        var splits = new TKey[partitionCount - 1];
        for (int i = 1; i < partitionCount; i++)
        {
            splits[i - 1] = samples[(int)((long)i * samples.Count / partitionCount)];
        }

        return splits;
    }

    /// <summary>Evenly spaced indexes into <paramref name="count"/> items, at most <paramref name="wanted"/> of them.</summary>
    public static IEnumerable<int> Stride(int count, int wanted)
    {
        if (count <= 0 || wanted <= 0)
        {
            yield break;
        }

        if (wanted >= count)
        {
            for (int i = 0; i < count; i++)
            {
                yield return i;
            }

            yield break;
        }

        for (int i = 0; i < wanted; i++)
        {
            yield return (int)((((long)i * count) + (count / 2)) / wanted);
        }
    }
}
