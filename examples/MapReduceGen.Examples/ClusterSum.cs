namespace MapReduceGen.Examples;

/// <summary>The coordinates and number of a cluster's points in <see cref="KMeans"/>, and its centroid before the iteration.</summary>
[GenerateSerializer]
public readonly record struct ClusterSum(double X, double Y, long Count, Point? Previous);
