namespace MapReduceGen.Benchmarks.Flooding;

/// <summary>A record struct key of two ints (the key kind of <see cref="CellKeyCountJob"/>).</summary>
/// <param name="Row">The first member.</param>
/// <param name="Column">The second member.</param>
public readonly record struct GridCell(int Row, int Column);
