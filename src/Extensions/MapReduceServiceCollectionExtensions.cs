using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MapReduceGen.Extensions;

/// <summary>Registers the local runner's options and logging in a container.</summary>
public static class MapReduceServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="MapReduceOptions"/> to the container: configured through <c>IOptions&lt;MapReduceOptions&gt;</c>
    /// (<paramref name="configure"/>, or <c>services.Configure&lt;MapReduceOptions&gt;(...)</c>), with a
    /// <see cref="MapReduceRunLogger"/> as their <see cref="MapReduceOptions.Observer"/> (unless one is configured), so
    /// every run started with them is logged through <c>ILogger&lt;MapReduceRunLogger&gt;</c>. A service that takes
    /// <see cref="MapReduceOptions"/> gets its own copy of the configured options (set its token or progress freely);
    /// pass it to the job's <c>Run</c>, <c>RunAsync</c>, <c>StreamAsync</c> or <c>RunToFilesAsync</c>. Calling it again only adds
    /// <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="configure">Sets the options; <see langword="null"/> for none.</param>
    /// <returns>The container.</returns>
    public static IServiceCollection AddMapReduce(this IServiceCollection services, Action<MapReduceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<MapReduceOptions> options = services.AddOptions<MapReduceOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(provider => new MapReduceRunLogger(
            provider.GetService<ILogger<MapReduceRunLogger>>() ?? NullLogger<MapReduceRunLogger>.Instance));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<MapReduceOptions>, AttachLogger>());
        services.TryAddTransient(provider => provider.GetRequiredService<IOptions<MapReduceOptions>>().Value.Clone());
        return services;
    }

    /// <summary>Puts the container's logger on the options, unless they have an observer.</summary>
    private sealed class AttachLogger(MapReduceRunLogger logger) : IPostConfigureOptions<MapReduceOptions>
    {
        public void PostConfigure(string? name, MapReduceOptions options) => options.Observer ??= logger;
    }
}
