namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>A record struct key without an order of its own: Top's ties compare it member by member.</summary>
internal readonly record struct Month(int Year, int Number);
