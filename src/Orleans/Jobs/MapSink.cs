using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// Collects one map task's pairs on the silo, combining (fold jobs) or grouping (grouping jobs) them by key, and
/// encodes them per partition. Remembers the key whose combine threw, so the failure names it.
/// </summary>
internal abstract class MapSink<TKey, TValue> : EmitterSink<TKey, TValue>
{
    /// <summary>Pairs emitted so far.</summary>
    public long PairsEmitted { get; protected set; }

    /// <summary>Whether a combine threw; <see cref="FailedKey"/> is then the key.</summary>
    public bool CombineFailed { get; protected set; }

    /// <summary>The key whose combine threw.</summary>
    public TKey? FailedKey { get; protected set; }

    /// <summary>Encodes the collected pairs, one chunk per partition (<see langword="null"/> for an empty one).</summary>
    public abstract byte[]?[] Encode(int partitionCount, Serializer serializer);
}
