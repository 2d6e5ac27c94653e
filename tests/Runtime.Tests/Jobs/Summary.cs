namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>A grouping result that has value equality but no order (so Top cannot rank it).</summary>
internal sealed record Summary(int Count, long Sum, int Min, int Max);
