namespace MapReduceGen.Orleans.Wire;

/// <summary>Where a map or reduce task stands, as its grain reports it.</summary>
[GenerateSerializer]
[Alias("MapReduceGen.Orleans.TaskState")]
internal enum TaskState
{
    /// <summary>The task is running.</summary>
    Running = 0,

    /// <summary>The task finished; its output is in the report.</summary>
    Completed = 1,

    /// <summary>User code (mapper or reducer) threw; re-running would fail the same way.</summary>
    Failed = 2,

    /// <summary>The silo cannot run the task (job not registered, type not serializable); not retried.</summary>
    Faulted = 3,

    /// <summary>
    /// The activation knows nothing of the task: its earlier activation was lost with a silo and Orleans created a
    /// fresh one. The coordinator re-executes the task.
    /// </summary>
    Lost = 4,
}
