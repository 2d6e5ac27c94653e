using MapReduceGen.Orleans.Wire;

namespace MapReduceGen.Orleans.Grains;

/// <summary>
/// One attempt of one map task (key: <c>run/m{task}/{attempt}</c>). The coordinator starts it, then polls it: a poll
/// that does not come back within the task timeout means the silo is gone, and the task is re-executed under a new
/// key, so Orleans places a fresh activation on a live silo. When the task completes, the activation keeps the task's
/// output on its silo until the run releases it; reduce tasks fetch their partition of it from here, chunk by chunk.
/// </summary>
[Alias("MapReduceGen.Orleans.IMapTaskGrain")]
internal interface IMapTaskGrain : IGrainWithStringKey
{
    /// <summary>Starts the task in the background (idempotent); answers at once.</summary>
    [Alias("Start")]
    Task<MapTaskReport> Start(MapTaskRequest request, TimeSpan outputIdleTimeout);

    /// <summary>Waits up to <paramref name="wait"/> for the task, then says where it stands.</summary>
    [Alias("Poll")]
    Task<MapTaskReport> Poll(TimeSpan wait);

    /// <summary>
    /// Returns up to <paramref name="maxBytes"/> bytes of the task's encoded output for <paramref name="partition"/>,
    /// from <paramref name="offset"/>; not found when this activation has no completed output (it is a fresh one: the
    /// silo that held the output died).
    /// </summary>
    [Alias("Fetch")]
    Task<DataChunk> Fetch(int partition, long offset, int maxBytes);

    /// <summary>Stops the task if it runs, drops its output and lets the activation go.</summary>
    [Alias("Release")]
    Task Release();
}
