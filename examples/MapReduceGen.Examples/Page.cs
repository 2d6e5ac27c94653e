namespace MapReduceGen.Examples;

/// <summary>A page, the pages it links to, and its rank: the input and output of one <see cref="PageRank"/> iteration.</summary>
[GenerateSerializer]
public sealed record Page(int Id, int[] Links, double Rank);
