namespace MapReduceGen.Engine.Spill;

/// <summary>
/// Sorts positions by a 32-bit key (a mixed stable hash) with a least-significant-digit radix sort: three passes of 11
/// bits, each a count and a stable scatter, in time linear in the count. What sorted runs of a job that is not sorted by
/// key are ordered by (<see cref="MergeOrder{TKey, TStored}"/>), where a comparison sort was most of a spill's time.
/// </summary>
internal static class HashRadixSort
{
    private const int Bits = 11;
    private const int Buckets = 1 << Bits;
    private const int Mask = Buckets - 1;

    /// <summary>Sorts <paramref name="positions"/> by <paramref name="keys"/> (both of <paramref name="count"/> items), stably.</summary>
    public static void Sort(uint[] keys, int[] positions, int count)
    {
        var otherKeys = new uint[count];
        var otherPositions = new int[count];
        var counts = new int[Buckets];
        uint[] fromKeys = keys;
        int[] fromPositions = positions;
        uint[] toKeys = otherKeys;
        int[] toPositions = otherPositions;
        for (int shift = 0; shift < 32; shift += Bits)
        {
            Array.Clear(counts);
            for (int i = 0; i < count; i++)
            {
                counts[(int)(fromKeys[i] >> shift) & Mask]++;
            }

            int sum = 0;
            for (int b = 0; b < Buckets; b++)
            {
                (counts[b], sum) = (sum, sum + counts[b]);
            }

            for (int i = 0; i < count; i++)
            {
                uint key = fromKeys[i];
                int at = counts[(int)(key >> shift) & Mask]++;
                toKeys[at] = key;
                toPositions[at] = fromPositions[i];
            }

            (fromKeys, toKeys) = (toKeys, fromKeys);
            (fromPositions, toPositions) = (toPositions, fromPositions);
        }

        // Three passes end in the other arrays: copy back.
        if (!ReferenceEquals(fromKeys, keys))
        {
            Array.Copy(fromKeys, keys, count);
            Array.Copy(fromPositions, positions, count);
        }
    }
}
