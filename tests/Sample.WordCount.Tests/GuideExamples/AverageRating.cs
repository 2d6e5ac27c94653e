using MapReduceGen;

// docs/guide.md, "Combiners and finishing reducers": a mean, finished once per key.

namespace Sample.WordCount.Tests.GuideExamples;

public sealed record Rating(string Product, int Stars);

public static partial class AverageRating
{
    [Mapper]
    public static void Map(Rating rating, Emitter<string, (long Sum, long Count)> emit) =>
        emit.Emit(rating.Product, (rating.Stars, 1));

    [Combiner]
    public static (long Sum, long Count) Combine((long Sum, long Count) left, (long Sum, long Count) right) =>
        (left.Sum + right.Sum, left.Count + right.Count);

    [Reducer]
    public static double Reduce(string product, (long Sum, long Count) total) => (double)total.Sum / total.Count;
}
