using MapReduceGen.Orleans.Grains;
using MapReduceGen.Orleans.Jobs;
using MapReduceGen.Orleans.Placement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;
using MapReduceGen.Engine;

namespace MapReduceGen.Orleans;

/// <summary>
/// Registers jobs on a silo. A silo runs only registered jobs: the registration stores strongly typed code
/// specialised for the generated job struct (no reflection), found by the job's name when a task arrives. It also puts
/// a <see cref="MapReduceClusterExecutor"/> in the silo's container (configured by
/// <c>services.Configure&lt;ClusterExecutionOptions&gt;(...)</c>), so a grain can take it in its constructor and
/// coordinate runs itself.
/// </summary>
public static class MapReduceSiloBuilderExtensions
{
    /// <summary>Registers a fold job (reducer <c>TValue R(TValue, TValue)</c>) on this silo.</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TInput">The mapper's input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value (and result) type.</typeparam>
    /// <param name="builder">The silo builder.</param>
    /// <returns>The builder.</returns>
    public static ISiloBuilder AddMapReduceJob<TJob, TInput, TKey, TValue>(this ISiloBuilder builder)
        where TJob : struct, IFoldJob<TInput, TKey, TValue>
        where TKey : notnull =>
        builder.AddMapReduceJob(TJob.Definition);

    /// <summary>Registers a grouping job (reducer <c>TResult R(TKey, ReadOnlySpan&lt;TValue&gt;)</c>) on this silo.</summary>
    /// <typeparam name="TJob">The generated job struct, <c>MyJob.MapReduceJob</c>.</typeparam>
    /// <typeparam name="TInput">The mapper's input type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The type of the values the mapper emits.</typeparam>
    /// <typeparam name="TResult">The reducer's result type.</typeparam>
    /// <param name="builder">The silo builder.</param>
    /// <returns>The builder.</returns>
    public static ISiloBuilder AddMapReduceJob<TJob, TInput, TKey, TValue, TResult>(this ISiloBuilder builder)
        where TJob : struct, IGroupJob<TInput, TKey, TValue, TResult>
        where TKey : notnull =>
        builder.AddMapReduceJob(TJob.Definition);

    /// <summary>
    /// Registers any job on this silo by its definition, as the generated <c>AddToSilo</c> does (every shape: parameters,
    /// several mappers, combiners, records, ordering).
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TOutput">The job's output.</typeparam>
    /// <param name="builder">The silo builder.</param>
    /// <param name="job">The job's definition (<c>MyJob.MapReduceJob.Definition</c>).</param>
    /// <returns>The builder.</returns>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static ISiloBuilder AddMapReduceJob<TKey, TValue, TOutput>(this ISiloBuilder builder, JobDefinition<TKey, TValue, TOutput> job)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(job);
        AddCore(builder.Services);
        builder.Services.AddSingleton<IRegisteredJob>(new RegisteredJob<TKey, TValue, TOutput>(job));
        return builder;
    }

    private static void AddCore(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ClusterJobRegistry)))
        {
            return;
        }

        services.TryAddSingleton<ClusterJobRegistry>();
        services.AddPlacementDirector<TaskPlacement, TaskPlacementDirector>();
        services.AddSerializer(serializer => serializer.AddAssembly(typeof(IMapTaskGrain).Assembly));
        MapReduceClusterClientExtensions.AddExecutor(services);
    }
}
