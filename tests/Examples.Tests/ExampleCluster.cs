using MapReduceGen.Orleans;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace MapReduceGen.Examples.Tests;

/// <summary>A three-silo Orleans cluster (in-memory transport) on which every example is registered, shared by a test class.</summary>
public sealed class ExampleCluster : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public MapReduceClusterExecutor Executor => Cluster.Client.MapReduce(new ClusterExecutionOptions
    {
        TaskTimeout = TimeSpan.FromSeconds(10),
        PollInterval = TimeSpan.FromMilliseconds(250),
    });

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(3);
        builder.Options.ConnectionTransport = ConnectionTransportType.InMemory;
        builder.AddSiloBuilderConfigurator<Silos>();
        builder.AddClientBuilderConfigurator<Clients>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>Registers the examples on every silo, as a deployment does at silo start-up.</summary>
    public sealed class Silos : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            WordMean.AddToSilo(siloBuilder);
            WordMedian.AddToSilo(siloBuilder);
            WordStandardDeviation.AddToSilo(siloBuilder);
            Grep.AddToSilo(siloBuilder);
            RelativeFrequency.AddToSilo(siloBuilder);
            SecondarySort.AddToSilo(siloBuilder);
            Join.AddToSilo(siloBuilder);
            TotalOrderSort.AddToSilo(siloBuilder);
            AggregateWordHistogram.AddToSilo(siloBuilder);
            QuasiMonteCarlo.AddToSilo(siloBuilder);
            InvertedIndex.AddToSilo(siloBuilder);
            PageRank.AddToSilo(siloBuilder);
            KMeans.AddToSilo(siloBuilder);
        }
    }

    /// <summary>Adds the cluster backend to the test cluster's client.</summary>
    public sealed class Clients : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.AddMapReduce();
    }
}
