namespace MapReduceGen.Examples;

/// <summary>An order: the other side of <see cref="Join"/>.</summary>
[GenerateSerializer]
public sealed record Order(int Id, int CustomerId, decimal Amount);
