namespace MapReduceGen.Examples;

/// <summary>An order with its customer's name: the output of <see cref="Join"/>.</summary>
[GenerateSerializer]
public readonly record struct JoinedOrder(int CustomerId, string Name, int OrderId, decimal Amount);
