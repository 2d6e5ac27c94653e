namespace MapReduceGen.Examples;

/// <summary>What <see cref="Grep"/> looks for: a regular expression and which of its groups to count (0: the whole match).</summary>
[GenerateSerializer]
public sealed record GrepParameters(string Pattern, int Group = 0);
