namespace MapReduceGen.Examples;

/// <summary>A count, a sum and a sum of squares: enough for a mean and a standard deviation.</summary>
[GenerateSerializer]
public readonly record struct Moments(long Count, long Sum, long SumOfSquares);
