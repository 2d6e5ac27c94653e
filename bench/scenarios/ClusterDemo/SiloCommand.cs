using System.Net;
using MapReduceGen.Orleans;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Sample.WordCount;

namespace ClusterDemo;

/// <summary>
/// <c>silo --silo-port P --gateway-port G --primary-port P0</c>: one silo on 127.0.0.1 with localhost clustering
/// (the silo on the primary port hosts the membership table), with Sample.WordCount's job registered.
/// </summary>
internal static class SiloCommand
{
    public static async Task<int> RunAsync(DemoArguments args)
    {
        int siloPort = args.Int("--silo-port", 11111);
        int gatewayPort = args.Int("--gateway-port", 30000);
        int primaryPort = args.Int("--primary-port", 11111);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(
                siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, primaryPort),
                serviceId: DemoCluster.ServiceId, clusterId: DemoCluster.ClusterId);
            // Notice a dead silo in a few seconds rather than the default tens of seconds.
            silo.Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(2);
                options.NumMissedProbesLimit = 2;
            });
            silo.AddMapReduceJob<WordCountJob.MapReduceJob, string, string, int>();
        });
        using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine($"silo ready: silo port {siloPort}, gateway port {gatewayPort}, pid {Environment.ProcessId}");
        await host.WaitForShutdownAsync();
        return 0;
    }
}
