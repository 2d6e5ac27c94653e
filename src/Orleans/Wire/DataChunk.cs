namespace MapReduceGen.Orleans.Wire;

/// <summary>
/// A bounded piece of a larger byte array a grain keeps (a map output's partition, a reduce task's result), fetched by
/// offset: the reader asks for the next chunk only when it has taken the previous one, so the holder never pushes and
/// no message carries more than the asked size.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("MapReduceGen.Orleans.DataChunk")]
internal sealed class DataChunk
{
    /// <summary><see langword="false"/> when the grain no longer has the data (a fresh activation after its silo died).</summary>
    [Id(0)]
    public bool Found { get; init; }

    /// <summary>The bytes from the asked offset.</summary>
    [Id(1)]
    public byte[] Data { get; init; } = [];

    /// <summary>The size of the whole array.</summary>
    [Id(2)]
    public long TotalBytes { get; init; }

    /// <summary>The silo that answered.</summary>
    [Id(3)]
    public string Silo { get; init; } = string.Empty;

    public static DataChunk Missing(string silo) => new() { Found = false, Silo = silo };
}
