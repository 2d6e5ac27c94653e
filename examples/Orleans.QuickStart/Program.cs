using MapReduceGen;
using MapReduceGen.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// One process that is a whole cluster: a silo on localhost, and the client the silo hosts.
HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning); // Orleans logs dozens of lines at Information level
builder.UseOrleans(silo =>
{
    silo.UseLocalhostClustering();
    WordCount.AddToSilo(silo);
});

using IHost host = builder.Build();
await host.StartAsync();

IClusterClient cluster = host.Services.GetRequiredService<IClusterClient>();
string[] lines = ["the quick brown fox", "the lazy dog", "the end"];
MapReduceResult<string, int> counts = await WordCount.RunOnClusterAsync(cluster.MapReduce(), lines);
foreach (var (word, count) in counts.Top(10)) Console.WriteLine($"{word} {count}");

await host.StopAsync();

public static partial class WordCount
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            emit.Emit(word, 1);
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
