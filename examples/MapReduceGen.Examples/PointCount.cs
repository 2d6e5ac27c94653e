namespace MapReduceGen.Examples;

/// <summary>How many of some points fell inside the circle.</summary>
[GenerateSerializer]
public readonly record struct PointCount(long Inside, long Total);
