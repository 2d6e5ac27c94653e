namespace MapReduceGen.Examples;

/// <summary>A customer's name, or one of its orders: the value both mappers of <see cref="Join"/> emit.</summary>
[GenerateSerializer]
public readonly record struct JoinSide(string? Name, int OrderId, decimal Amount);
