using MapReduceGen.Orleans.Tests.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using Sample.WordCount;

namespace MapReduceGen.Orleans.Tests.Infrastructure;

/// <summary>Registers the test jobs on every silo, as a real deployment registers its jobs at silo startup.</summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        // Jobs declared in a project that references MapReduceGen.Orleans get a generated AddToSilo; others (the
        // sample's word count) are registered with their type arguments spelled out.
        SalesByRegion.AddToSilo(siloBuilder)
            .AddMapReduceJob<WordCountJob.MapReduceJob, string, string, int>()
            .AddMapReduceJob<GatedWordCount.MapReduceJob, string, string, int>()
            .AddMapReduceJob<HeldWordCount.MapReduceJob, string, string, int>()
            .AddMapReduceJob<GatedSalesByRegion.MapReduceJob, Sale, RegionYear, long, SalesSummary>()
            .AddMapReduceJob<FailingMapper.MapReduceJob, string, string, int>()
            .AddMapReduceJob<TracedWordCount.MapReduceJob, string, string, int>()
            .AddMapReduceJob<PlainKeyJob.MapReduceJob, string, PlainKey, int>()
            .AddMapReduceJob<CityCount.MapReduceJob, string, CityKey, int>()
            .AddMapReduceJob<ClientOnlyKeyJob.MapReduceJob, string, ClientOnlyKey, int>()
            .AddMapReduceJob<WordsSortedWithinLengths.MapReduceJob, string, string, int>();
        siloBuilder.Services.AddSerializer(TestClusters.JsonForCityKey);
        // The executor a grain injects (CoordinatorGrain) takes its options from the container.
        siloBuilder.Services.Configure<ClusterExecutionOptions>(TestClusters.ConfigureFastFailover);
    }
}
