namespace MapReduceGen.Runtime.Tests.Jobs;

/// <summary>A record struct key.</summary>
internal readonly record struct Cell(int Row, int Column);
