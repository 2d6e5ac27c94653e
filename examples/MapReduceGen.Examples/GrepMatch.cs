namespace MapReduceGen.Examples;

/// <summary>A matched text and how often it matched.</summary>
[GenerateSerializer]
public readonly record struct GrepMatch(long Count, string Text);
