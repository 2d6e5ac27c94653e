namespace MapReduceGen.Orleans.Wire;

/// <summary>
/// One partition of one map task's output on the wire (see <see cref="Jobs.PieceCodec"/>): each key's stable hash and
/// slot, the keys (string keys as their UTF-8 bytes back to back, other keys serialized by Orleans), and, for jobs that
/// keep every value, the values key after key (each key's slot is its value count).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("MapReduceGen.Orleans.PieceData")]
internal sealed class PieceData
{
    [Id(0)]
    public int Count { get; init; }

    [Id(1)]
    public int[] Hashes { get; init; } = [];

    /// <summary>String keys: their UTF-8 bytes, back to back.</summary>
    [Id(2)]
    public byte[]? KeyBytes { get; init; }

    /// <summary>String keys: each key's length in <see cref="KeyBytes"/>.</summary>
    [Id(3)]
    public int[]? KeyLengths { get; init; }

    /// <summary>Other keys: the key array, serialized by Orleans.</summary>
    [Id(4)]
    public byte[]? Keys { get; init; }

    /// <summary>The slots (accumulators or value counts), serialized by Orleans.</summary>
    [Id(5)]
    public byte[] Slots { get; init; } = [];

    /// <summary>Jobs that keep every value: the values, serialized by Orleans.</summary>
    [Id(6)]
    public byte[]? Values { get; init; }
}
