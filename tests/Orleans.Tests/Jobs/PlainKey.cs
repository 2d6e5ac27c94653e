namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>A record without [GenerateSerializer]: Orleans cannot serialize it.</summary>
public sealed record PlainKey(string Name);
