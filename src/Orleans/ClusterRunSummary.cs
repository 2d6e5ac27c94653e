namespace MapReduceGen.Orleans;

/// <summary>
/// What a cluster run did beyond <see cref="MapReduceStatistics"/>: tasks, re-executions and where the data went.
/// Handed to <see cref="ClusterExecutionOptions.RunCompleted"/> and logged when a run ends.
/// </summary>
public sealed record ClusterRunSummary
{
    /// <summary>The run's id (the prefix of its grains' keys).</summary>
    public required string RunId { get; init; }

    /// <summary>The run's statistics, as the result carries them.</summary>
    public required MapReduceStatistics Statistics { get; init; }

    /// <summary>Map tasks of the run.</summary>
    public int MapTasks { get; init; }

    /// <summary>Map task attempts started (more than <see cref="MapTasks"/> when some were re-executed).</summary>
    public int MapAttempts { get; init; }

    /// <summary>Completed map tasks whose output was lost with their silo before every reducer had it, and that ran again.</summary>
    public int LostMapOutputs { get; init; }

    /// <summary>Reduce task attempts started (more than the partition count when some were restarted).</summary>
    public int ReduceAttempts { get; init; }

    /// <summary>Bytes of map output the map tasks kept on their silos (accepted attempts).</summary>
    public long MapOutputBytes { get; init; }

    /// <summary>Bytes of map output the reduce tasks fetched from the map tasks' silos (silo to silo).</summary>
    public long ShuffleBytes { get; init; }

    /// <summary>Bytes of map output that reached the coordinator: 0, since map output goes from silo to silo.</summary>
    public long MapOutputBytesToCoordinator { get; init; }

    /// <summary>Bytes of encoded results the coordinator fetched (0 when the reduce tasks write files).</summary>
    public long ResultBytesToCoordinator { get; init; }
}
