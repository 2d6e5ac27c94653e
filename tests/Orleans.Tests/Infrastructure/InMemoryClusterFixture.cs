using Orleans.TestingHost;

namespace MapReduceGen.Orleans.Tests.Infrastructure;

/// <summary>A three-silo cluster on Orleans' in-memory transport, shared by a test class.</summary>
public sealed class InMemoryClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await TestClusters.StartAsync(ConnectionTransportType.InMemory);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
