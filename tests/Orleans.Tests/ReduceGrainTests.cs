using MapReduceGen.Engine;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Orleans.Grains;
using MapReduceGen.Orleans.Jobs;
using MapReduceGen.Orleans.Tests.Infrastructure;
using MapReduceGen.Orleans.Wire;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Sample.WordCount;

namespace MapReduceGen.Orleans.Tests;

/// <summary>
/// The map and reduce grains' own guarantees, driven directly as the coordinator drives them: map output stays in the
/// map task's grain and is fetched from there in bounded chunks; a reduce task merges one output per map task; a fresh
/// activation knows it lost its state.
/// </summary>
public sealed class ReduceGrainTests(InMemoryClusterFixture fixture) : IClassFixture<InMemoryClusterFixture>
{
    private static readonly string Job = WordCountJob.MapReduceJob.Name;

    private Serializer Serializer => fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();

    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task A_map_tasks_output_handed_over_twice_is_counted_once()
    {
        string run = Guid.NewGuid().ToString("N");
        string[] seven = ["alpha alpha beta", "beta beta beta beta"];
        var first = await MapAsync(run, 7, 1, seven);
        var again = await MapAsync(run, 7, 2, seven); // the same task executed again (its first output presumed lost)
        var eight = await MapAsync(run, 8, 1, [string.Join(' ', Enumerable.Repeat("alpha", 10))]);
        var reduce = Grains.GetGrain<IReduceTaskGrain>($"{run}/r0/1");

        await reduce.Start(Request(run));
        await reduce.AddSources([first, eight], -1);
        await reduce.AddSources([again, first], 2);
        var report = await PollUntilDoneAsync(reduce);

        Assert.Equal(TaskState.Completed, report.State);
        Assert.Equal(2, report.Merged);
        var counts = await ResultAsync(reduce, report);
        Assert.Equal(12, counts["alpha"]);
        Assert.Equal(5, counts["beta"]);
        Assert.Equal(2, counts.Count);
    }

    [Fact]
    public async Task A_map_output_larger_than_a_chunk_is_fetched_in_chunks_and_merged_whole()
    {
        string run = Guid.NewGuid().ToString("N");
        // Thousands of distinct words (letters only, as the word count keeps them): an output of tens of KiB.
        var lines = Enumerable.Range(0, 3000).Select(i => $"{Words.Letters(i)} shared {Words.Letters(i * 7)}").ToList();
        var expected = WordCountJob.Run(lines);
        var output = await MapAsync(run, 0, 1, [.. lines]);
        var reduce = Grains.GetGrain<IReduceTaskGrain>($"{run}/r0/1");

        await reduce.Start(Request(run, chunkBytes: 1024));
        await reduce.AddSources([output], 1);
        var report = await PollUntilDoneAsync(reduce);

        Assert.True(output.Bytes > 4 * 1024, $"the output is only {output.Bytes} bytes");
        Assert.Equal(output.Bytes, report.FetchedBytes);
        var counts = await ResultAsync(reduce, report, chunkBytes: 1024);
        Assert.Equal(expected.Count, counts.Count);
        Assert.All(expected, e => Assert.Equal(e.Value, counts[e.Key]));
    }

    [Fact]
    public async Task A_map_output_that_is_gone_is_reported_lost_until_a_new_attempt_is_handed_over()
    {
        string run = Guid.NewGuid().ToString("N");
        var lost = await MapAsync(run, 0, 1, ["gamma delta"]);
        await Grains.GetGrain<IMapTaskGrain>(lost.GrainKey).Release(); // as if its silo had died
        var reduce = Grains.GetGrain<IReduceTaskGrain>($"{run}/r0/1");

        await reduce.Start(Request(run));
        await reduce.AddSources([lost], 1);
        var report = await reduce.Poll(TimeSpan.FromSeconds(10));
        var rerun = await MapAsync(run, 0, 2, ["gamma delta"]);
        await reduce.AddSources([rerun], 1);
        var done = await PollUntilDoneAsync(reduce);

        Assert.Equal(TaskState.Running, report.State);
        Assert.Equal([(0, 1)], report.LostOutputs.Select(l => (l.TaskId, l.Attempt)));
        Assert.Equal(TaskState.Completed, done.State);
        Assert.Empty(done.LostOutputs);
        var counts = await ResultAsync(reduce, done);
        Assert.Equal(1, counts["gamma"]);
        Assert.Equal(1, counts["delta"]);
    }

    [Fact]
    public async Task A_fresh_activation_reports_its_task_lost()
    {
        string run = Guid.NewGuid().ToString("N");
        var reduce = Grains.GetGrain<IReduceTaskGrain>($"{run}/r3/1");
        var map = Grains.GetGrain<IMapTaskGrain>($"{run}/m3/1");

        var added = await reduce.AddSources([new MapOutputLocation(0, 1, $"{run}/m0/1", "?", 10)], 1);
        var polled = await reduce.Poll(TimeSpan.Zero);
        var fetched = await map.Fetch(0, 0, 1024);
        var mapPolled = await map.Poll(TimeSpan.Zero);

        Assert.Equal(TaskState.Lost, added.State);
        Assert.Equal(TaskState.Lost, polled.State);
        Assert.False(fetched.Found);
        Assert.Equal(TaskState.Lost, mapPolled.State);
    }

    [Fact]
    public void A_map_tasks_piece_survives_its_encoding()
    {
        byte[] encoded = MapChunks.Folded<WordCountJob.MapReduceJob>(Serializer, ("alpha", 2), ("beta", 5), ("café", 1));

        var piece = PieceEncoding.Decode<string, Utf8Key, int, int, int>(encoded, keepsValues: false, new TypedCodecs<string, int, int>(null), new OrleansPayloadCodec(Serializer));

        var pairs = piece.Entries.ToArray().ToDictionary(e => e.Key.ToString(), e => e.Slot);
        Assert.Equal(new Dictionary<string, int> { ["alpha"] = 2, ["beta"] = 5, ["café"] = 1 }, pairs);
    }

    private static ReduceTaskRequest Request(string run, int chunkBytes = 4096) => new()
    {
        JobName = Job,
        Partition = 0,
        PartitionCount = 1,
        FetchChunkBytes = chunkBytes,
        MaxParallelFetches = 2,
        FetchTimeout = TimeSpan.FromSeconds(5),
        Attempt = 1,
        RunId = run,
        IdleTimeout = TimeSpan.FromMinutes(1),
    };

    // Runs one map task of the word count into a single partition and returns where its output is kept.
    private async Task<MapOutputLocation> MapAsync(string run, int task, int attempt, string[] lines)
    {
        string key = $"{run}/m{task}/{attempt}";
        var grain = Grains.GetGrain<IMapTaskGrain>(key);
        var request = new MapTaskRequest
        {
            JobName = Job, TaskId = task, PartitionCount = 1, Inputs = Serializer.SerializeToArray(lines),
        };
        await grain.Start(request, TimeSpan.FromMinutes(1));
        for (int i = 0; i < 100; i++)
        {
            var report = await grain.Poll(TimeSpan.FromSeconds(1));
            if (report.State == TaskState.Completed)
            {
                return new MapOutputLocation(task, attempt, key, report.Silo, report.Output!.PartitionBytes[0]);
            }

            Assert.Equal(TaskState.Running, report.State);
        }

        throw new TimeoutException("the map task did not complete");
    }

    private static async Task<ReduceTaskReport> PollUntilDoneAsync(IReduceTaskGrain reduce)
    {
        for (int i = 0; i < 100; i++)
        {
            var report = await reduce.Poll(TimeSpan.FromSeconds(1));
            if (report.State != TaskState.Running)
            {
                return report;
            }
        }

        throw new TimeoutException("the reduce task did not complete");
    }

    private async Task<Dictionary<string, int>> ResultAsync(IReduceTaskGrain reduce, ReduceTaskReport report, int chunkBytes = 4096)
    {
        var bytes = new List<byte>();
        while (bytes.Count < report.ResultBytes)
        {
            var chunk = await reduce.FetchResult(bytes.Count, chunkBytes);
            Assert.True(chunk.Found);
            Assert.InRange(chunk.Data.Length, 1, chunkBytes);
            bytes.AddRange(chunk.Data);
        }

        var (keys, counts) = OutputEncoding.Decode([.. bytes], new TypedCodecs<string, int, int>(null), new OrleansPayloadCodec(Serializer));
        return keys.Zip(counts).ToDictionary(e => e.First, e => e.Second);
    }
}
