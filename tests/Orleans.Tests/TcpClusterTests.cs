using MapReduceGen.Orleans.Tests.Infrastructure;
using MapReduceGen.Orleans.Tests.Jobs;
using Sample.WordCount;

namespace MapReduceGen.Orleans.Tests;

/// <summary>The same jobs over real sockets: every key, value and chunk goes through Orleans' wire format.</summary>
public sealed class TcpClusterTests(TcpClusterFixture fixture) : IClassFixture<TcpClusterFixture>
{
    [Fact]
    public async Task Word_count_over_tcp_matches_the_local_runner()
    {
        var lines = TestData.Lines(2500, seed: 11);
        var expected = WordCountJob.Run(lines);

        var actual = await fixture.Cluster.Client.MapReduce(TestClusters.FastFailover())
            .RunAsync<WordCountJob.MapReduceJob, string, string, int>(lines, new MapReduceOptions { ChunkSize = 200 });

        TestData.AssertSameEntries(expected, actual);
        Assert.Equal(expected.Top(10), actual.Top(10));
    }

    [Fact]
    public async Task Record_keyed_grouping_job_over_tcp_matches_the_local_runner()
    {
        var sales = TestData.Sales(4000, seed: 12);
        var expected = SalesByRegion.Run(sales);

        var actual = await fixture.Cluster.Client.MapReduce(TestClusters.FastFailover())
            .RunAsync<SalesByRegion.MapReduceJob, Sale, RegionYear, long, SalesSummary>(sales, new MapReduceOptions { ChunkSize = 300 });

        TestData.AssertSameEntries(expected, actual);
    }
}
