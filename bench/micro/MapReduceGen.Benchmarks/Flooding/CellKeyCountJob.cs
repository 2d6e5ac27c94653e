namespace MapReduceGen.Benchmarks.Flooding;

/// <summary>Counts record struct keys (<see cref="GridCell"/>): each input is a key (<see cref="KeyFloodBenchmarks"/>).</summary>
public static partial class CellKeyCountJob
{
    /// <summary>Emits (input, 1).</summary>
    [Mapper]
    public static void Map(GridCell input, Emitter<GridCell, int> emit) => emit.Emit(input, 1);

    /// <summary>Adds counts.</summary>
    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
