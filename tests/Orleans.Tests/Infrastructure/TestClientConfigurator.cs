using Microsoft.Extensions.Configuration;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace MapReduceGen.Orleans.Tests.Infrastructure;

/// <summary>Adds the cluster backend to the test cluster's client.</summary>
public sealed class TestClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        clientBuilder.AddMapReduce();
        clientBuilder.Services.AddSerializer(TestClusters.JsonForCityKey);
        clientBuilder.Services.AddSerializer(serializer =>
            serializer.AddJsonSerializer(isSupported: type => type == typeof(Jobs.ClientOnlyKey)));
    }
}
