namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>A plain record for which only the client registers a codec: the silos cannot serialize it.</summary>
public sealed record ClientOnlyKey(string Name);
