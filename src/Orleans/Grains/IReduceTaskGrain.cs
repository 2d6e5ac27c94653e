using MapReduceGen.Orleans.Wire;

namespace MapReduceGen.Orleans.Grains;

/// <summary>
/// One attempt of one partition's reduce task (key: <c>run/r{partition}/{attempt}</c>). The coordinator starts it and
/// hands it the locations of the map outputs as map tasks complete; the task fetches its partition of each output
/// directly from the map task's grain (silo to silo, chunk by chunk), merges exactly one output per map task, and
/// reduces once it has the output of every map task of the run. The coordinator polls it (the heartbeat), learns of
/// outputs it could not fetch, and finally fetches its results or learns the file it wrote.
/// </summary>
[Alias("MapReduceGen.Orleans.IReduceTaskGrain")]
internal interface IReduceTaskGrain : IGrainWithStringKey
{
    /// <summary>Prepares the task (idempotent); answers at once.</summary>
    [Alias("Start")]
    Task<ReduceTaskReport> Start(ReduceTaskRequest request);

    /// <summary>
    /// Hands over map output locations (a newer attempt of a map task replaces an older one the task has not merged)
    /// and, once the coordinator knows it, the run's number of map tasks (<c>-1</c>: not known yet). Answers
    /// <see cref="TaskState.Lost"/> from an activation that was never started (the started one died with its silo).
    /// </summary>
    [Alias("AddSources")]
    Task<ReduceTaskReport> AddSources(MapOutputLocation[] sources, int mapTaskCount);

    /// <summary>Waits up to <paramref name="wait"/> for news (completion, failure, an output it cannot fetch), then reports.</summary>
    [Alias("Poll")]
    Task<ReduceTaskReport> Poll(TimeSpan wait);

    /// <summary>Returns up to <paramref name="maxBytes"/> bytes of the completed task's encoded results from <paramref name="offset"/>.</summary>
    [Alias("FetchResult")]
    Task<DataChunk> FetchResult(long offset, int maxBytes);

    /// <summary>Stops the task, drops its state and lets the activation go.</summary>
    [Alias("Release")]
    Task Release();
}
