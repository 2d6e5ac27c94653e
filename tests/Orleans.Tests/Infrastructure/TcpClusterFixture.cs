using Orleans.TestingHost;

namespace MapReduceGen.Orleans.Tests.Infrastructure;

/// <summary>A three-silo cluster whose silos and client talk over TCP sockets on the loopback interface.</summary>
public sealed class TcpClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await TestClusters.StartAsync(ConnectionTransportType.TcpSocket);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
