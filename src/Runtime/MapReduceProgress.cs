namespace MapReduceGen;

/// <summary>A snapshot of a run, reported through <see cref="MapReduceOptions.Progress"/>.</summary>
/// <param name="Phase">The current phase.</param>
/// <param name="InputsRead">Inputs mapped so far.</param>
/// <param name="PairsEmitted">Pairs emitted so far.</param>
/// <param name="BytesRead">Bytes read so far (text sources; 0 otherwise).</param>
/// <param name="TotalBytes">Total bytes of the input when known (text sources), else <see langword="null"/>.</param>
/// <param name="PartitionsReduced">Partitions reduced so far.</param>
/// <param name="PartitionCount">The number of partitions.</param>
/// <param name="Elapsed">Time since the run started.</param>
public readonly record struct MapReduceProgress(
    MapReducePhase Phase,
    long InputsRead,
    long PairsEmitted,
    long BytesRead,
    long? TotalBytes,
    int PartitionsReduced,
    int PartitionCount,
    TimeSpan Elapsed);
