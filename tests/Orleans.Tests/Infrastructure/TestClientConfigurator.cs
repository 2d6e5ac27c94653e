using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace MapReduceGen.Orleans.Tests.Infrastructure;

/// <summary>Adds the cluster backend to the test cluster's client.</summary>
public sealed class TestClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        clientBuilder.AddMapReduce();
        clientBuilder.Services.Configure<ClusterExecutionOptions>(TestClusters.ConfigureFastFailover);
        clientBuilder.Services.AddSerializer(TestClusters.JsonForCityKey);
        clientBuilder.Services.AddSerializer(serializer =>
            serializer.AddJsonSerializer(isSupported: type => type == typeof(Jobs.ClientOnlyKey)));
    }
}
