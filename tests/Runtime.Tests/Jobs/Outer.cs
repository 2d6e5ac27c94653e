namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>A static class that holds a nested job, to check jobs nested in partial types.</summary>
internal static partial class Outer
{
    /// <summary>Record keys, emitter mapper, list grouping reducer; nested non-static class.</summary>
    internal partial class BucketJob
    {
        [Mapper]
        public static void Map(int input, Emitter<Bucket, int> emit)
        {
            emit.Emit(new Bucket("b" + (input % 7), input % 2), input);
            emit.Emit(new Bucket("all", 0), 1);
        }

        [Reducer]
        public static long Reduce(Bucket key, IReadOnlyList<int> values) => values.Sum(v => (long)v) * 31 + values.Count;
    }
}
