using System.Collections.Concurrent;
using MapReduceGen.Orleans.Tests.Infrastructure;
using MapReduceGen.Orleans.Tests.Jobs;
using Orleans.TestingHost;
using Sample.WordCount;

namespace MapReduceGen.Orleans.Tests;

/// <summary>
/// Two of three silos die in the middle of the map phase: every task is re-executed on the one left, and the run still
/// returns the exact result (retries avoid the dead silos instead of spending the attempts of a task on them).
/// </summary>
public sealed class TwoSiloLossTests
{
    [Theory]
    [InlineData(ConnectionTransportType.InMemory)]
    [InlineData(ConnectionTransportType.TcpSocket)]
    public async Task Killing_two_of_three_silos_mid_map_still_gives_the_exact_result(ConnectionTransportType transport)
    {
        await using var cluster = await TestClusters.StartAsync(transport);
        var lines = TestData.Lines(2000, seed: 31);
        var expected = WordCountJob.Run(lines);
        var events = new ConcurrentQueue<ClusterTaskEvent>();
        var secondaries = cluster.SecondarySilos.ToDictionary(s => s.SiloAddress.ToString());
        var busy = new ConcurrentDictionary<string, bool>();
        var bothBusy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TestGates.Map.Close();
        try
        {
            // Every map task blocks in the mapper until the gate opens: both victims are killed holding some.
            var run = cluster.Client.MapReduce(TestClusters.FastFailover(e =>
                {
                    events.Enqueue(e);
                    if (e is { Kind: ClusterTaskEventKind.Started, Phase: MapReducePhase.Map, Silo: { } silo } &&
                        secondaries.ContainsKey(silo) && busy.TryAdd(silo, true) && busy.Count == secondaries.Count)
                    {
                        bothBusy.TrySetResult();
                    }
                }))
                .RunAsync<GatedWordCount.MapReduceJob, string, string, int>(lines, new MapReduceOptions { ChunkSize = 50 });
            await bothBusy.Task.WaitAsync(TimeSpan.FromSeconds(60));

            foreach (var victim in secondaries.Values)
            {
                await cluster.KillSiloAsync(victim);
            }

            TestGates.Map.Open();
            var actual = await run.WaitAsync(TimeSpan.FromSeconds(120));

            TestData.AssertSameEntries(expected, actual);
            Assert.Equal(lines.Count, actual.Statistics.InputsRead);
            Assert.Contains(events, e => e is { Kind: ClusterTaskEventKind.Retrying, Phase: MapReducePhase.Map } && secondaries.ContainsKey(e.Silo ?? ""));
            Assert.Equal(40, events.Count(e => e is { Kind: ClusterTaskEventKind.Completed, Phase: MapReducePhase.Map }));
        }
        finally
        {
            TestGates.Map.Open();
        }
    }
}
