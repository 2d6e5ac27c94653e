using MapReduceGen.Orleans.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace MapReduceGen.Orleans;

/// <summary>Client-side setup and entry point of the cluster backend.</summary>
public static class MapReduceClusterClientExtensions
{
    /// <summary>
    /// Adds the cluster backend to a client (call it in <c>UseOrleansClient</c>): its grain interfaces and wire types,
    /// and a <see cref="MapReduceClusterExecutor"/> in the container, configured by
    /// <c>services.Configure&lt;ClusterExecutionOptions&gt;(...)</c> and logging through
    /// <c>ILogger&lt;MapReduceClusterExecutor&gt;</c>.
    /// </summary>
    /// <param name="builder">The client builder.</param>
    /// <returns>The builder.</returns>
    public static IClientBuilder AddMapReduce(this IClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSerializer(serializer => serializer.AddAssembly(typeof(IMapTaskGrain).Assembly));
        AddExecutor(builder.Services);
        return builder;
    }

    /// <summary>
    /// Returns an executor that runs generated jobs on the client's cluster: the one in the container (see
    /// <see cref="AddMapReduce"/>), with <paramref name="clusterOptions"/>, when given, in place of the configured options.
    /// </summary>
    /// <param name="client">A connected cluster client.</param>
    /// <param name="clusterOptions">Options for this executor's runs; <see langword="null"/> for the configured ones.</param>
    /// <returns>The executor.</returns>
    public static MapReduceClusterExecutor MapReduce(this IClusterClient client, ClusterExecutionOptions? clusterOptions = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var executor = client.ServiceProvider.GetService<MapReduceClusterExecutor>() ?? new MapReduceClusterExecutor(
            client,
            client.ServiceProvider.GetRequiredService<Serializer>(),
            client.ServiceProvider.GetService<IOptions<ClusterExecutionOptions>>()?.Value,
            client.ServiceProvider.GetService<ILogger<MapReduceClusterExecutor>>());
        return clusterOptions is null ? executor : executor.WithOptions(clusterOptions);
    }

    /// <summary>Registers the options and the executor (once) in a client's or a silo's container.</summary>
    internal static void AddExecutor(IServiceCollection services)
    {
        services.AddOptions<ClusterExecutionOptions>();
        services.TryAddSingleton(provider => new MapReduceClusterExecutor(
            provider.GetRequiredService<IGrainFactory>(),
            provider.GetRequiredService<Serializer>(),
            provider.GetRequiredService<IOptions<ClusterExecutionOptions>>().Value,
            provider.GetService<ILogger<MapReduceClusterExecutor>>()));
    }
}
