namespace MapReduceGen.Examples;

/// <summary>What a page sends in <see cref="PageRank"/>: its links (to itself), or a share of its rank (to a linked page).</summary>
[GenerateSerializer]
public readonly record struct RankShare(int[]? Links, double Rank);
