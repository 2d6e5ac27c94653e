namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>A plain record (no Orleans attributes) that crosses the wire through Orleans' System.Text.Json codec.</summary>
public sealed record CityKey(string Country, string City);
