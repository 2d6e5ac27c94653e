using MapReduceGen.Orleans.Wire;

namespace MapReduceGen.Orleans.Grains;

/// <summary>
/// One attempt of one map task (key: <c>run/m{task}/{attempt}</c>). The coordinator starts it, then polls it: a poll
/// that does not come back within the task timeout means the silo is gone, and the task is re-executed under a new
/// key, so Orleans places a fresh activation on a live silo.
/// </summary>
[Alias("MapReduceGen.Orleans.IMapTaskGrain")]
internal interface IMapTaskGrain : IGrainWithStringKey
{
    /// <summary>Starts the task in the background (idempotent); answers at once.</summary>
    [Alias("Start")]
    Task<MapTaskReport> Start(MapTaskRequest request);

    /// <summary>Waits up to <paramref name="wait"/> for the task, then says where it stands.</summary>
    [Alias("Poll")]
    Task<MapTaskReport> Poll(TimeSpan wait);

    /// <summary>Stops the task if it runs and lets the activation go.</summary>
    [Alias("Release")]
    Task Release();
}
