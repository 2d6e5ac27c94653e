namespace MapReduceGen.Examples;

/// <summary>
/// k-means (Spark's example): one run is one iteration. The current centroids are the run's parameters (nothing is
/// copied into the points, nothing is static); each point goes to its nearest centroid, the combiner sums coordinates
/// map-side, and the finishing reducer makes each cluster's mean its new centroid. The centroids are also a second input,
/// so a centroid that lost all its points stays where it was. The output (new centroids, in index order) is the next
/// iteration's parameters.
/// </summary>
public static partial class KMeans
{
    [Mapper]
    public static void MapPoints(Point points, Emitter<int, ClusterSum> emit, KMeansParameters parameters)
    {
        int nearest = 0;
        double best = double.MaxValue;
        for (int i = 0; i < parameters.Centroids.Length; i++)
        {
            double distance = points.DistanceSquared(parameters.Centroids[i]);
            if (distance < best)
            {
                best = distance;
                nearest = i;
            }
        }

        emit.Emit(nearest, new ClusterSum(points.X, points.Y, 1, null));
    }

    [Mapper]
    public static void MapCentroids(int centroids, Emitter<int, ClusterSum> emit, KMeansParameters parameters) =>
        emit.Emit(centroids, new ClusterSum(0, 0, 0, parameters.Centroids[centroids]));

    [Combiner]
    public static ClusterSum Combine(ClusterSum left, ClusterSum right) =>
        new(left.X + right.X, left.Y + right.Y, left.Count + right.Count, left.Previous ?? right.Previous);

    [Reducer(SortByKey = true)]
    public static Point Reduce(int cluster, ClusterSum sum) =>
        sum.Count == 0 ? sum.Previous!.Value : new Point(sum.X / sum.Count, sum.Y / sum.Count);
}
