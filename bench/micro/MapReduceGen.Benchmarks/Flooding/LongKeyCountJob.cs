namespace MapReduceGen.Benchmarks.Flooding;

/// <summary>Counts long keys: each input is a key (<see cref="KeyFloodBenchmarks"/>).</summary>
public static partial class LongKeyCountJob
{
    /// <summary>Emits (input, 1).</summary>
    [Mapper]
    public static void Map(long input, Emitter<long, int> emit) => emit.Emit(input, 1);

    /// <summary>Adds counts.</summary>
    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
