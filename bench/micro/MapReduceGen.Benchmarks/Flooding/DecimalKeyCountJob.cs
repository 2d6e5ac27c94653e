namespace MapReduceGen.Benchmarks.Flooding;

/// <summary>Counts decimal keys: each input is a key (<see cref="KeyFloodBenchmarks"/>).</summary>
public static partial class DecimalKeyCountJob
{
    /// <summary>Emits (input, 1).</summary>
    [Mapper]
    public static void Map(decimal input, Emitter<decimal, int> emit) => emit.Emit(input, 1);

    /// <summary>Adds counts.</summary>
    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
