using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace MapReduceGen.Orleans.Tests.Infrastructure;

/// <summary>Starts three-silo test clusters.</summary>
public static class TestClusters
{
    public static async Task<TestCluster> StartAsync(ConnectionTransportType transport)
    {
        // Gated jobs block pool threads on purpose; keep enough threads for the silos' own work.
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));

        var builder = new TestClusterBuilder(3);
        builder.Options.ConnectionTransport = transport;
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        builder.AddClientBuilderConfigurator<TestClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        await WaitForActiveSilosAsync(cluster, 3);
        return cluster;
    }

    /// <summary>
    /// Waits until the cluster's membership lists <paramref name="count"/> active silos: a run counts and places its
    /// tasks on the silos active when it starts, and a silo deployed a moment ago may not be listed yet (a test that needs
    /// tasks on every silo then waits for one that never gets any).
    /// </summary>
    public static async Task WaitForActiveSilosAsync(TestCluster cluster, int count)
    {
        IManagementGrain management = cluster.Client.GetGrain<IManagementGrain>(0);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await management.GetHosts(onlyActive: true)).Count < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }

    /// <summary>Lets Orleans serialize <see cref="Jobs.CityKey"/>, a record without Orleans attributes, as JSON.</summary>
    public static void JsonForCityKey(ISerializerBuilder serializer) =>
        serializer.AddJsonSerializer(isSupported: type => type == typeof(Jobs.CityKey));

    /// <summary>The container's options of the test cluster's client and silos: <see cref="FastFailover"/>'s, 64 KiB chunks.</summary>
    public static void ConfigureFastFailover(ClusterExecutionOptions options)
    {
        options.TaskTimeout = TimeSpan.FromSeconds(2);
        options.PollInterval = TimeSpan.FromMilliseconds(250);
        options.MaxTaskAttempts = 10;
        options.ShuffleChunkBytes = 64 * 1024;
    }

    /// <summary>Short timeouts, so the tests notice a killed silo in seconds, and enough attempts to be sure.</summary>
    public static ClusterExecutionOptions FastFailover(Action<ClusterTaskEvent>? onEvent = null) => new()
    {
        TaskTimeout = TimeSpan.FromSeconds(2),
        PollInterval = TimeSpan.FromMilliseconds(250),
        MaxTaskAttempts = 10,
        TaskEvent = onEvent,
    };
}
