using System.Collections.Concurrent;
using MapReduceGen.Orleans.Tests.Infrastructure;
using MapReduceGen.Orleans.Tests.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.TestingHost;
using Sample.WordCount;

namespace MapReduceGen.Orleans.Tests;

/// <summary>
/// A silo dies in the middle of a job (MapReduce paper, section 3.3): its running map tasks are re-executed elsewhere,
/// the completed map outputs it kept are produced again for the reduce tasks that had not fetched them, a partition it
/// held is rebuilt, and the job still returns the exact result, with no output counted twice. Each test starts its own
/// three-silo cluster, since it kills one.
/// </summary>
public sealed class SiloFailureTests
{
    [Theory]
    [InlineData(ConnectionTransportType.InMemory)]
    [InlineData(ConnectionTransportType.TcpSocket)]
    public async Task Killing_a_silo_that_runs_map_tasks_still_gives_the_exact_result(ConnectionTransportType transport)
    {
        await using var cluster = await TestClusters.StartAsync(transport);
        var lines = TestData.Lines(2000, seed: 21);
        var expected = WordCountJob.Run(lines);
        var events = new ConcurrentQueue<ClusterTaskEvent>();
        var secondaries = cluster.SecondarySilos.ToDictionary(s => s.SiloAddress.ToString());
        var victimFound = new TaskCompletionSource<SiloHandle>(TaskCreationOptions.RunContinuationsAsynchronously);
        TestGates.Map.Close();
        try
        {
            // Every map task blocks in the mapper until the gate opens: the victim is killed while it holds some.
            var run = cluster.Client.MapReduce(TestClusters.FastFailover(e =>
                {
                    events.Enqueue(e);
                    if (e is { Kind: ClusterTaskEventKind.Started, Phase: MapReducePhase.Map, Silo: { } silo } &&
                        secondaries.TryGetValue(silo, out var handle))
                    {
                        victimFound.TrySetResult(handle);
                    }
                }))
                .RunAsync<GatedWordCount.MapReduceJob, string, string, int>(lines, new MapReduceOptions { ChunkSize = 50 });
            var victim = await victimFound.Task.WaitAsync(TimeSpan.FromSeconds(60));

            await cluster.KillSiloAsync(victim);
            TestGates.Map.Open();
            var actual = await run.WaitAsync(TimeSpan.FromSeconds(120));

            TestData.AssertSameEntries(expected, actual);
            Assert.Equal(lines.Count, actual.Statistics.InputsRead);
            Assert.Equal(expected.Statistics.PairsEmitted, actual.Statistics.PairsEmitted);
            string victimAddress = victim.SiloAddress.ToString();
            Assert.Contains(events, e => e is { Kind: ClusterTaskEventKind.Retrying, Phase: MapReducePhase.Map } && e.Silo == victimAddress);
            Assert.Equal(40, events.Count(e => e is { Kind: ClusterTaskEventKind.Completed, Phase: MapReducePhase.Map }));
            Assert.DoesNotContain(events, e => e.Kind == ClusterTaskEventKind.Completed && e.Silo == victimAddress && e.Phase == MapReducePhase.Reduce);
        }
        finally
        {
            TestGates.Map.Open();
        }
    }

    [Fact]
    public async Task Killing_the_silo_of_a_reduce_task_rebuilds_its_partition_and_gives_the_exact_result()
    {
        await using var cluster = await TestClusters.StartAsync(ConnectionTransportType.InMemory);
        var sales = TestData.Sales(3000, seed: 22);
        var expected = SalesByRegion.Run(sales);
        var events = new ConcurrentQueue<ClusterTaskEvent>();
        var secondaries = cluster.SecondarySilos.ToDictionary(s => s.SiloAddress.ToString());
        var victimFound = new TaskCompletionSource<SiloHandle>(TaskCreationOptions.RunContinuationsAsynchronously);
        TestGates.Reduce.Close();
        try
        {
            var run = cluster.Client.MapReduce(TestClusters.FastFailover(e =>
                {
                    events.Enqueue(e);
                    if (e is { Kind: ClusterTaskEventKind.Started, Phase: MapReducePhase.Reduce, Silo: { } silo } &&
                        secondaries.TryGetValue(silo, out var handle))
                    {
                        victimFound.TrySetResult(handle);
                    }
                }))
                .RunAsync<GatedSalesByRegion.MapReduceJob, Sale, RegionYear, long, SalesSummary>(
                    sales, new MapReduceOptions { ChunkSize = 200, PartitionCount = 12 });
            var victim = await victimFound.Task.WaitAsync(TimeSpan.FromSeconds(60));

            await cluster.KillSiloAsync(victim);
            TestGates.Reduce.Open();
            var actual = await run.WaitAsync(TimeSpan.FromSeconds(120));

            TestData.AssertSameEntries(expected, actual);
            Assert.Equal(sales.Count, actual.Statistics.PairsEmitted);
            string victimAddress = victim.SiloAddress.ToString();
            Assert.Contains(events, e => e is { Kind: ClusterTaskEventKind.Retrying, Phase: MapReducePhase.Reduce } && e.Silo == victimAddress);
        }
        finally
        {
            TestGates.Reduce.Open();
        }
    }

    [Theory]
    [InlineData(ConnectionTransportType.InMemory)]
    [InlineData(ConnectionTransportType.TcpSocket)]
    public async Task Killing_a_silo_after_its_map_tasks_completed_but_before_any_reducer_fetched_runs_them_again(
        ConnectionTransportType transport)
    {
        await using var cluster = await TestClusters.StartAsync(transport);
        var lines = TestData.Lines(2000, seed: 23);
        var expected = WordCountJob.Run(lines);
        var events = new ConcurrentQueue<ClusterTaskEvent>();
        var secondaries = cluster.SecondarySilos.ToDictionary(s => s.SiloAddress.ToString());
        var completedOn = new ConcurrentDictionary<int, string>();
        string? victimAddress = null;
        var logger = new ListLogger<MapReduceClusterExecutor>();
        var options = TestClusters.FastFailover(e =>
        {
            events.Enqueue(e);
            if (e is { Kind: ClusterTaskEventKind.Completed, Phase: MapReducePhase.Map, Silo: { } silo })
            {
                completedOn.TryAdd(e.TaskId, silo);
                if (completedOn.Count == 40 && victimAddress is null)
                {
                    // Every map task has completed and no reduce task has started (ReduceStartFraction = 1; events run
                    // inline, before the coordinator goes on): kill the secondary silo that keeps the most outputs.
                    victimAddress = completedOn.Values.Where(secondaries.ContainsKey)
                        .GroupBy(s => s).OrderByDescending(g => g.Count()).First().Key;
                    cluster.KillSiloAsync(secondaries[victimAddress]).GetAwaiter().GetResult();
                }
            }
        });
        options.ReduceStartFraction = 1;
        var executor = new MapReduceClusterExecutor(
            cluster.Client, cluster.Client.ServiceProvider.GetRequiredService<Serializer>(), options, logger);

        var actual = await executor.RunAsync<WordCountJob.MapReduceJob, string, string, int>(
                lines, new MapReduceOptions { ChunkSize = 50, PartitionCount = 6 })
            .WaitAsync(TimeSpan.FromSeconds(120));

        TestData.AssertSameEntries(expected, actual);
        Assert.Equal(lines.Count, actual.Statistics.InputsRead);
        Assert.Equal(expected.Statistics.PairsEmitted, actual.Statistics.PairsEmitted);
        Assert.NotNull(victimAddress);
        var lostTasks = events.Where(e => e.Kind == ClusterTaskEventKind.OutputLost).Select(e => e.TaskId).ToHashSet();
        var keptByVictim = completedOn.Where(p => p.Value == victimAddress).Select(p => p.Key).ToHashSet();
        Assert.NotEmpty(lostTasks);
        Assert.Subset(keptByVictim, lostTasks);
        Assert.All(events.Where(e => e.Kind == ClusterTaskEventKind.OutputLost), e => Assert.Equal(victimAddress, e.Silo));
        foreach (int task in lostTasks)
        {
            // Each lost output was produced again, on another silo.
            Assert.Contains(events, e => e is { Kind: ClusterTaskEventKind.Completed, Phase: MapReducePhase.Map } &&
                                         e.TaskId == task && e.Silo != victimAddress);
        }

        Assert.DoesNotContain(events, e => e.Kind == ClusterTaskEventKind.Started && e.Silo == victimAddress && e.Phase == MapReducePhase.Reduce);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("is lost", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Killing_a_silo_whose_map_tasks_spilled_their_output_to_its_disk_runs_them_again()
    {
        await using var cluster = await TestClusters.StartAsync(ConnectionTransportType.InMemory);
        var lines = Enumerable.Range(0, 4000).Select(i => $"{Words.Letters(i)} shared {Words.Letters(i * 11)}").ToList();
        var expected = WordCountJob.Run(lines);
        var secondaries = cluster.SecondarySilos.ToDictionary(s => s.SiloAddress.ToString());
        var completedOn = new ConcurrentDictionary<int, string>();
        var lost = new ConcurrentBag<int>();
        string? victimAddress = null;
        string spill = Path.Combine(Path.GetTempPath(), "mrg-silo-spill-" + Guid.NewGuid().ToString("N"));
        var options = TestClusters.FastFailover(e =>
        {
            if (e.Kind == ClusterTaskEventKind.OutputLost)
            {
                lost.Add(e.TaskId);
            }

            if (e is { Kind: ClusterTaskEventKind.Completed, Phase: MapReducePhase.Map, Silo: { } silo })
            {
                completedOn.TryAdd(e.TaskId, silo);
                if (completedOn.Count == 8 && victimAddress is null)
                {
                    victimAddress = completedOn.Values.Where(secondaries.ContainsKey)
                        .GroupBy(s => s).OrderByDescending(g => g.Count()).First().Key;
                    cluster.KillSiloAsync(secondaries[victimAddress]).GetAwaiter().GetResult();
                }
            }
        });
        options.ReduceStartFraction = 1;
        options.TaskMemoryBudget = 32 * 1024;
        options.SpillDirectory = spill;
        try
        {
            var actual = await cluster.Client.MapReduce(options).RunAsync<WordCountJob.MapReduceJob, string, string, int>(
                    lines, new MapReduceOptions { ChunkSize = 500, PartitionCount = 3 })
                .WaitAsync(TimeSpan.FromSeconds(120));

            TestData.AssertSameEntries(expected, actual);
            Assert.Equal(expected.Statistics.PairsEmitted, actual.Statistics.PairsEmitted);
            Assert.True(actual.Statistics.BytesSpilled > 0);
            Assert.NotEmpty(lost);
            Assert.Subset(completedOn.Where(p => p.Value == victimAddress).Select(p => p.Key).ToHashSet(), lost.ToHashSet());
        }
        finally
        {
            if (Directory.Exists(spill))
            {
                Directory.Delete(spill, recursive: true);
            }
        }
    }
}
