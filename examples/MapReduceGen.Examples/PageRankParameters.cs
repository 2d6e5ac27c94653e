namespace MapReduceGen.Examples;

/// <summary>An iteration of <see cref="PageRank"/>: how many pages there are and the damping factor (0.85 in the paper).</summary>
[GenerateSerializer]
public sealed record PageRankParameters(int PageCount, double Damping = 0.85);
