namespace MapReduceGen.Examples;

/// <summary>A customer: one side of <see cref="Join"/>.</summary>
[GenerateSerializer]
public sealed record Customer(int Id, string Name);
