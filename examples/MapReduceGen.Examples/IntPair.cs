namespace MapReduceGen.Examples;

/// <summary>Two integers.</summary>
[GenerateSerializer]
public readonly record struct IntPair(int First, int Second);
