namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>
/// A record without [GenerateSerializer]: Orleans cannot serialize it, and the generator cannot write it either (its
/// <see cref="Upper"/> is set by no constructor parameter), so it would go through Orleans' serializer.
/// </summary>
public sealed record PlainKey(string Name)
{
    /// <summary>The name in upper case.</summary>
    public string Upper { get; } = Name.ToUpperInvariant();
}
