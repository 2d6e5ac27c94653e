namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>A record key that crosses the wire through Orleans' generated serializer.</summary>
[GenerateSerializer]
[Alias("MapReduceGen.Orleans.Tests.RegionYear")]
public sealed record RegionYear(string Region, int Year);
