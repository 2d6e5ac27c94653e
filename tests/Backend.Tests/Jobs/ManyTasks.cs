namespace MapReduceGen.Backend.Tests.Jobs;

/// <summary>Numbers grouped by their residue mod 50; the reducer lists a key's values in the order it got them.</summary>
public static partial class ResidueValues
{
    [Mapper]
    public static void Map(int input, Emitter<int, int> emit) => emit.Emit(input % 50, input);

    [Reducer]
    public static string Reduce(int key, ReadOnlySpan<int> values) => string.Join(',', values.ToArray());
}

/// <summary>A combiner and a grouping reducer: the reducer sees one combined sum per map task, and says how many and their total.</summary>
public static partial class ResiduePartials
{
    [Mapper]
    public static void Map(int input, Emitter<int, long> emit) => emit.Emit(input % 50, input);

    [Combiner]
    public static long Combine(long left, long right) => left + right;

    [Reducer]
    public static string Reduce(int key, ReadOnlySpan<long> partials)
    {
        long total = 0;
        foreach (long partial in partials)
        {
            total += partial;
        }

        return $"{partials.Length}/{total}";
    }
}
