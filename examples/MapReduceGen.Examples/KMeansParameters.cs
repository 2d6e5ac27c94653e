namespace MapReduceGen.Examples;

/// <summary>An iteration of <see cref="KMeans"/>: the current centroids.</summary>
[GenerateSerializer]
public sealed record KMeansParameters(Point[] Centroids);
