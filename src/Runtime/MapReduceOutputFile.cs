namespace MapReduceGen;

/// <summary>One partition's file of a run's output.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="Path">The file's full path.</param>
/// <param name="Records">The lines in the file: keys, or records for a job that writes records.</param>
/// <param name="Bytes">The file's size.</param>
public sealed record MapReduceOutputFile(int Partition, string Path, long Records, long Bytes);
