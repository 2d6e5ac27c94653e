namespace MapReduceGen.Examples;

/// <summary>A reduce task's state in <see cref="RelativeFrequency"/>: the left word met last and how many pairs it starts.</summary>
public sealed class RunningMarginal
{
    public string Left { get; set; } = "";

    public long Total { get; set; }
}
