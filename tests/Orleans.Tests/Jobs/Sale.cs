namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>One sale: the input of the grouping jobs.</summary>
[GenerateSerializer]
[Alias("MapReduceGen.Orleans.Tests.Sale")]
public sealed record Sale(string Region, int Year, long Amount);
