namespace MapReduceGen.Engine.Spill;

/// <summary>
/// The first byte of a map task's output for one partition, as a reduce task receives it: a piece of the task's table
/// (<see cref="PieceEncoding"/>: columns, keys in table order), or, from a task that spilled, a sorted run (rows in the
/// merge order, each key once, as <see cref="RunRows"/> writes them, to the end of the bytes).
/// </summary>
internal static class PieceFormat
{
    public const byte Columns = 0;

    public const byte SortedRun = 1;
}
