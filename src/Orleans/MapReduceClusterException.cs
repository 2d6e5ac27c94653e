namespace MapReduceGen.Orleans;

/// <summary>
/// The cluster cannot run the job at all, whatever the inputs: the job is not registered on a silo, a key, value,
/// input or result type cannot be serialized by Orleans, the cluster has no active silo, or a task could not be
/// completed in <see cref="ClusterExecutionOptions.MaxTaskAttempts"/> attempts. Failures of the user's mapper or
/// reducer are <see cref="MapReduceException"/>s, as in the local runner.
/// </summary>
public sealed class MapReduceClusterException : InvalidOperationException
{
    /// <summary>Creates an exception with a default message.</summary>
    public MapReduceClusterException()
        : base("The cluster cannot run the MapReduce job.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public MapReduceClusterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public MapReduceClusterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
