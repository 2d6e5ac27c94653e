namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>A record (class) key.</summary>
internal sealed record Bucket(string Name, int Level);
