using Sample.WordCount;

namespace MapReduceGen.Orleans.Tests.Infrastructure;

/// <summary>A grain that coordinates a run itself, with the executor the silo's container gives it.</summary>
public interface ICoordinatorGrain : IGrainWithGuidKey
{
    Task<Dictionary<string, int>> CountWords(List<string> lines);

    Task<int> ShuffleChunkBytes();
}

/// <summary>Takes <see cref="MapReduceClusterExecutor"/> in its constructor, as any grain can.</summary>
public sealed class CoordinatorGrain(MapReduceClusterExecutor executor) : Grain, ICoordinatorGrain
{
    public async Task<Dictionary<string, int>> CountWords(List<string> lines)
    {
        var result = await executor.RunAsync<WordCountJob.MapReduceJob, string, string, int>(lines, new MapReduceOptions { ChunkSize = 100 });
        return result.ToDictionary(e => e.Key, e => e.Value);
    }

    public Task<int> ShuffleChunkBytes() => Task.FromResult(executor.ClusterOptions.ShuffleChunkBytes);
}
