namespace MapReduceGen.Engine.Spill;

/// <summary>A map task's way to disk: when its table holds more than its share of the memory budget, it spills.</summary>
internal interface IMapSpill
{
    /// <summary>The bytes the task's table may hold.</summary>
    long Share { get; }

    /// <summary>Writes the task's table as a sorted run and empties it.</summary>
    /// <exception cref="MapReduceException">The run cannot be written.</exception>
    void Spill();
}
