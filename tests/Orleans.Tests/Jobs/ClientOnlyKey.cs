namespace MapReduceGen.Orleans.Tests.Jobs;

/// <summary>
/// A plain record for which only the client registers a codec: the silos cannot serialize it (and the generator cannot
/// write it: its <see cref="Upper"/> is set by no constructor parameter).
/// </summary>
public sealed record ClientOnlyKey(string Name)
{
    /// <summary>The name in upper case.</summary>
    public string Upper { get; } = Name.ToUpperInvariant();
}
