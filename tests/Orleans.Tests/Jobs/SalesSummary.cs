namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>The grouping jobs' result per key; independent of the order the values arrive in.</summary>
[GenerateSerializer]
[Alias("MapReduceGen.Orleans.Tests.SalesSummary")]
public sealed record SalesSummary(int Count, long Total, long Largest);
