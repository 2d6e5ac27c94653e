namespace MapReduceGen.Orleans;

/// <summary>What happened to a task of a cluster run.</summary>
public enum ClusterTaskEventKind
{
    /// <summary>An attempt of the task started on a silo.</summary>
    Started = 0,

    /// <summary>The task completed; its output was accepted (once: later attempts' output is never used).</summary>
    Completed = 1,

    /// <summary>
    /// An attempt was abandoned (its silo did not answer within the task timeout, failed, or lost the task) and the
    /// task will be executed again.
    /// </summary>
    Retrying = 2,

    /// <summary>
    /// A completed map task's output was lost with its silo before every reduce task had fetched it (a reduce task
    /// could not reach it): the map task is executed again elsewhere, and the reduce tasks that still need its output
    /// fetch it from the new attempt (the MapReduce paper, section 3.3).
    /// </summary>
    OutputLost = 3,
}
