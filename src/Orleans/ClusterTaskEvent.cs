namespace MapReduceGen.Orleans;

/// <summary>A task of a cluster run started, completed or is being re-executed (see <see cref="ClusterExecutionOptions.TaskEvent"/>).</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Phase">Map task or reduce task (<see cref="MapReducePhase.Reduce"/>: one partition).</param>
/// <param name="TaskId">The map task's id, or the partition's index for a reduce task.</param>
/// <param name="Attempt">The attempt, from 1.</param>
/// <param name="Silo">The silo that ran the attempt, when known.</param>
/// <param name="Detail">What the task reads (map tasks), or why it is retried.</param>
public sealed record ClusterTaskEvent(
    ClusterTaskEventKind Kind, MapReducePhase Phase, int TaskId, int Attempt, string? Silo, string Detail);
