using MapReduceGen.Orleans.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace MapReduceGen.Orleans;

/// <summary>Client-side setup and entry point of the cluster backend.</summary>
public static class MapReduceClusterClientExtensions
{
    /// <summary>
    /// Adds the cluster backend's grain interfaces and wire types to a client (call it in <c>UseOrleansClient</c>).
    /// </summary>
    /// <param name="builder">The client builder.</param>
    /// <returns>The builder.</returns>
    public static IClientBuilder AddMapReduce(this IClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSerializer(serializer => serializer.AddAssembly(typeof(IMapTaskGrain).Assembly));
        return builder;
    }

    /// <summary>Returns an executor that runs generated jobs on the client's cluster.</summary>
    /// <param name="client">A connected cluster client.</param>
    /// <param name="clusterOptions">Failure detection, retries and concurrency; <see langword="null"/> for defaults.</param>
    /// <returns>The executor.</returns>
    public static MapReduceClusterExecutor MapReduce(this IClusterClient client, ClusterExecutionOptions? clusterOptions = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new MapReduceClusterExecutor(client, client.ServiceProvider.GetRequiredService<Serializer>(), clusterOptions);
    }
}
