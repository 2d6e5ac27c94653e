namespace MapReduceGen.Orleans.Coordinator;

/// <summary>A task's grain activation no longer knows the task (it was re-created after its silo died).</summary>
internal sealed class TaskLostException : Exception
{
    public TaskLostException()
        : base("The task's grain activation was lost with its silo.")
    {
    }

    public TaskLostException(string message)
        : base(message)
    {
    }

    public TaskLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
