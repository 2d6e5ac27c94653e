using MapReduceGen.Orleans.Grains;
using MapReduceGen.Orleans.Jobs;
using MapReduceGen.Orleans.Tests.Infrastructure;
using MapReduceGen.Orleans.Wire;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Sample.WordCount;

namespace MapReduceGen.Orleans.Tests;

/// <summary>The reduce grain's own guarantees, driven directly as the coordinator drives it.</summary>
public sealed class ReduceGrainTests(InMemoryClusterFixture fixture) : IClassFixture<InMemoryClusterFixture>
{
    private Serializer Serializer => fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();

    [Fact]
    public async Task A_map_tasks_chunk_delivered_twice_is_counted_once()
    {
        var grain = fixture.Cluster.GrainFactory.GetGrain<IReduceTaskGrain>($"{Guid.NewGuid():N}/r0/1");
        byte[] first = MapChunks.Folded<WordCountJob.MapReduceJob>(Serializer, ("alpha", 2), ("beta", 5));
        byte[] second = MapChunks.Folded<WordCountJob.MapReduceJob>(Serializer, ("alpha", 10));

        await grain.Add(WordCountJob.MapReduceJob.Name, [7], [first]);
        await grain.Add(WordCountJob.MapReduceJob.Name, [7, 8], [first, second]); // task 7's chunk again (resent)
        var started = await grain.Start(WordCountJob.MapReduceJob.Name, expectedChunks: 2);
        var report = await grain.Poll(TimeSpan.FromSeconds(10));

        Assert.Equal(TaskState.Running, started.State);
        Assert.Equal(TaskState.Completed, report.State);
        var (keys, values) = PartitionEncoder.DecodePairs<string, int>(Serializer, report.Result!);
        var counts = keys.Zip(values).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(12, counts["alpha"]);
        Assert.Equal(5, counts["beta"]);
        Assert.Equal(2, counts.Count);
    }

    [Fact]
    public async Task A_fresh_activation_that_missed_chunks_reports_the_partition_lost()
    {
        var grain = fixture.Cluster.GrainFactory.GetGrain<IReduceTaskGrain>($"{Guid.NewGuid():N}/r3/1");
        await grain.Add(WordCountJob.MapReduceJob.Name, [1], [MapChunks.Folded<WordCountJob.MapReduceJob>(Serializer, ("x", 1))]);

        var started = await grain.Start(WordCountJob.MapReduceJob.Name, expectedChunks: 3);
        var polled = await fixture.Cluster.GrainFactory.GetGrain<IReduceTaskGrain>($"{Guid.NewGuid():N}/r3/1").Poll(TimeSpan.Zero);

        Assert.Equal(TaskState.Lost, started.State);
        Assert.Equal(TaskState.Lost, polled.State);
    }
}
