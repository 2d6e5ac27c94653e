namespace MapReduceGen.Benchmarks.Flooding;

/// <summary>Counts tuple keys: each input is a key (<see cref="KeyFloodBenchmarks"/>).</summary>
public static partial class LongPairKeyCountJob
{
    /// <summary>Emits (input, 1).</summary>
    [Mapper]
    public static void Map((long, long) input, Emitter<(long, long), int> emit) => emit.Emit(input, 1);

    /// <summary>Adds counts.</summary>
    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
