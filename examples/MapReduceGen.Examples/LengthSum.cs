namespace MapReduceGen.Examples;

/// <summary>How many words, and their total length.</summary>
[GenerateSerializer]
public readonly record struct LengthSum(long Count, long Length);
