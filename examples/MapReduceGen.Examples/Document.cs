namespace MapReduceGen.Examples;

/// <summary>A document: its id and its text.</summary>
[GenerateSerializer]
public sealed record Document(int Id, string Text);
