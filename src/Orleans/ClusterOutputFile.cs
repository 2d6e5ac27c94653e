namespace MapReduceGen.Orleans;

/// <summary>One partition's file, written by its reduce task.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="Path">The file's full path, as the silo that wrote it sees it.</param>
/// <param name="Records">The keys (lines) in the file.</param>
/// <param name="Bytes">The file's size.</param>
public sealed record ClusterOutputFile(int Partition, string Path, long Records, long Bytes);
