using BenchmarkDotNet.Attributes;
using MapReduceGen.Orleans.Jobs;
using MapReduceGen.Orleans.Wire;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace MapReduceGen.Benchmarks;

/// <summary>
/// A cluster map task against the local engine on the same text file, one thread each: the map task is what a silo runs
/// for a split (<c>IClusterJobHandler.RunMap</c>: read, map, combine into the engine's table, partition, encode each
/// partition for the reduce tasks), called in process, without a silo around it. The local run maps, combines and
/// partitions with the same code, then merges and reduces its partitions where the map task encodes them. Target: the
/// map task's throughput equal to the local engine's (ratio about 1).
/// </summary>
[Config(typeof(SuiteConfig))]
public class ClusterMapTaskBenchmarks
{
    private const int Partitions = 8;

    private string _path = "";
    private IClusterJobHandler _handler = null!;
    private Serializer _serializer = null!;
    private MapTaskRequest _request = null!;
    private ServiceProvider? _services;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"mapreducegen-bench-{Environment.ProcessId}.txt");
        File.WriteAllLines(_path, BenchmarkInput.Lines);
        _services = new ServiceCollection()
            .AddSerializer(builder => builder.AddAssembly(typeof(MapTaskRequest).Assembly))
            .BuildServiceProvider();
        _serializer = _services.GetRequiredService<Serializer>();
        _handler = WordCountJob.MapReduceJob.Definition.Accept(new HandlerFactory<string, int, MapReduceResult<string, int>>());
        TextSplit whole = Assert.Single(TextSource.FromFiles(_path).CreateSplits(long.MaxValue));
        _request = new MapTaskRequest
        {
            JobName = _handler.JobName,
            TaskId = 0,
            PartitionCount = Partitions,
            Split = TextSplitSpec.From(whole),
        };

        // Both must count the same words.
        long local = LocalEngine();
        long cluster = ClusterMapTask();
        if (local != cluster)
        {
            throw new InvalidOperationException($"local engine: {local} pairs, cluster map task: {cluster}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services?.Dispose();
        File.Delete(_path);
    }

    [Benchmark(Baseline = true, Description = "local engine, 1 worker")]
    public long LocalEngine() =>
        WordCountJob.Run(TextSource.FromFiles(_path), new MapReduceOptions { MaxDegreeOfParallelism = 1, PartitionCount = Partitions })
            .Statistics.PairsEmitted;

    [Benchmark(Description = "cluster map task")]
    public long ClusterMapTask()
    {
        MapTaskResult result = _handler.RunMap(_request, _serializer, CancellationToken.None);
        return result.Report.Output?.PairsEmitted ?? throw new InvalidOperationException($"map task {result.Report.State}");
    }

    private static class Assert
    {
        public static T Single<T>(IReadOnlyList<T> items) =>
            items.Count == 1 ? items[0] : throw new InvalidOperationException($"{items.Count} splits, expected one");
    }
}
