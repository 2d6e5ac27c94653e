using MapReduceGen.Orleans.Wire;

namespace MapReduceGen.Orleans.Grains;

/// <summary>
/// One attempt of one partition's reduce (key: <c>run/r{partition}/{attempt}</c>). It receives each map task's chunk
/// for the partition at most once (by task id), then reduces in the background while the coordinator polls.
/// </summary>
[Alias("MapReduceGen.Orleans.IReduceTaskGrain")]
internal interface IReduceTaskGrain : IGrainWithStringKey
{
    /// <summary>
    /// Merges a batch of map tasks' chunks (<paramref name="chunks"/>[i] from task <paramref name="taskIds"/>[i]),
    /// skipping the chunk of a task that was already merged. Answers <see cref="TaskState.Running"/>, or
    /// <see cref="TaskState.Failed"/> when the job's combine threw.
    /// </summary>
    [Alias("Add")]
    Task<ReduceTaskReport> Add(string jobName, int[] taskIds, byte[][] chunks);

    /// <summary>
    /// Starts reducing once <paramref name="expectedChunks"/> distinct chunks were merged, with the run's parameters
    /// (<paramref name="jobData"/>, a <see cref="JobRunData"/>); answers <see cref="TaskState.Lost"/> when fewer were (an
    /// earlier activation died with its silo).
    /// </summary>
    [Alias("Start")]
    Task<ReduceTaskReport> Start(string jobName, int expectedChunks, byte[]? jobData = null);

    /// <summary>Waits up to <paramref name="wait"/> for the reduce, then says where it stands.</summary>
    [Alias("Poll")]
    Task<ReduceTaskReport> Poll(TimeSpan wait);

    /// <summary>Lets the activation and its state go.</summary>
    [Alias("Release")]
    Task Release();
}
