using MapReduceGen.Orleans.Wire;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>One partition's reduce state in a reduce grain: chunks from map tasks go in, results come out.</summary>
internal interface IReduceState
{
    /// <summary>Merges one map task's chunk; returns the failure when the job's combine threw.</summary>
    TaskFailure? Add(byte[] chunk);

    /// <summary>
    /// Reduces every key with the run's parameters (<paramref name="jobData"/>); the report is
    /// <see cref="TaskState.Completed"/> or <see cref="TaskState.Failed"/>.
    /// </summary>
    ReduceTaskReport Complete(byte[]? jobData, CancellationToken cancellationToken);
}
