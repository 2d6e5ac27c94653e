namespace MapReduceGen;

/// <summary>The phases of a run.</summary>
public enum MapReducePhase
{
    /// <summary>Inputs are read and mapped; fold reducers combine values as they are emitted.</summary>
    Map = 0,

    /// <summary>Partitions are merged and reduced.</summary>
    Reduce = 1,

    /// <summary>The run has finished (progress reports only).</summary>
    Completed = 2,
}
