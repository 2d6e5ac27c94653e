using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace MapReduceGen.Engine;

/// <summary>
/// Maps a key's stable hash to a partition. The local runner and any other executor use this one function, so a
/// key lands in the same partition wherever it was emitted.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Partitioning
{
    /// <summary>Returns the partition, in <c>[0, partitionCount)</c>, of a key with the given stable hash.</summary>
    /// <param name="keyHash">The key's stable hash (<see cref="IKeyEquality{TKey}.GetKeyHash"/>).</param>
    /// <param name="partitionCount">The number of partitions (at least 1).</param>
    /// <returns>The partition index.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Select(int keyHash, int partitionCount)
    {
        // Re-mix, then take the high bits (multiply-shift range reduction): tables index by the low bits of the
        // same hash, so partitions and buckets use different bits.
        uint mixed = (uint)keyHash * 0x9E3779B1u;
        return (int)(((ulong)mixed * (uint)partitionCount) >> 32);
    }
}
