namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>A non-static class holding a nested static job and a doubly nested one.</summary>
internal partial class Grid
{
    /// <summary>Record struct keys, enumerable mapper, span grouping reducer; nested static class.</summary>
    internal static partial class CellJob
    {
        [Mapper]
        public static IEnumerable<(Cell Key, int Value)> Map(int input)
        {
            for (int i = 0; i < input % 3; i++)
            {
                yield return (new Cell(input % 6, i), input);
            }
        }

        [Reducer]
        public static long Reduce(Cell key, ReadOnlySpan<int> values)
        {
            long sum = 0;
            foreach (int value in values)
            {
                sum += (long)value * value;
            }

            return sum + key.Row;
        }
    }

    /// <summary>A second level of nesting.</summary>
    internal partial class Inner
    {
        /// <summary>Tuple keys, emitter mapper, fold reducer (max); doubly nested static class.</summary>
        public static partial class TupleMaxJob
        {
            [Mapper]
            public static void Map(int input, Emitter<(int, string), long> emit) =>
                emit.Emit((input % 9, (input % 2 == 0) ? "even" : "odd"), (long)input * input % 1013);

            [Reducer]
            public static long Reduce(long left, long right) => Math.Max(left, right);
        }
    }
}
