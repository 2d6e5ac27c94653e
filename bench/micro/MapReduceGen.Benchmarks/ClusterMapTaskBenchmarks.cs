using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MapReduceGen.Engine;

namespace MapReduceGen.Benchmarks;

/// <summary>
/// A backend's map task against the local engine on the same text file, one thread each: the map task is what a silo
/// runs for a split (the task kit's <c>JobDefinition.RunMapTask</c>: read, map, combine into the engine's table,
/// partition, encode each partition for the reduce tasks), called in process. The local run maps, combines and
/// partitions with the same code, then merges and reduces its partitions where the map task encodes them. Target: the
/// map task's throughput equal to the local engine's (ratio about 1).
/// </summary>
[Config(typeof(SuiteConfig))]
public class ClusterMapTaskBenchmarks
{
    private const int Partitions = 8;

    private string _path = "";
    private JobDefinition<string, int, MapReduceResult<string, int>> _definition = null!;
    private MapTaskInput _input = null!;
    private TaskSettings _settings = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"mapreducegen-bench-{Environment.ProcessId}.txt");
        File.WriteAllLines(_path, BenchmarkInput.Lines);
        _definition = WordCountJob.MapReduceJob.Definition;
        TextSplit whole = Assert.Single(TextSource.FromFiles(_path).CreateSplits(long.MaxValue));
        _input = MapTaskInput.ForSplit(0, whole);
        _settings = new TaskSettings { Codec = new NoPayload(), PartitionCount = Partitions };

        // Both must count the same words.
        long local = LocalEngine();
        long cluster = ClusterMapTask();
        if (local != cluster)
        {
            throw new InvalidOperationException($"local engine: {local} pairs, cluster map task: {cluster}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Baseline = true, Description = "local engine, 1 worker")]
    public long LocalEngine() =>
        WordCountJob.Run(TextSource.FromFiles(_path), new MapReduceOptions { MaxDegreeOfParallelism = 1, PartitionCount = Partitions })
            .Statistics.PairsEmitted;

    [Benchmark(Description = "cluster map task")]
    public long ClusterMapTask()
    {
        using MapTaskResult result = _definition.RunMapTask(_input, _settings, CancellationToken.None);
        return result.Statistics?.PairsEmitted ?? throw new InvalidOperationException($"map task failed: {result.Failure?.Message}");
    }

    // Strings and integers have codecs of their own: nothing of this job goes through a backend's serializer.
    private sealed class NoPayload : IPayloadCodec
    {
        public byte[] Encode<T>(T value) => throw new NotSupportedException();

        public T Decode<T>(ReadOnlyMemory<byte> data) => throw new NotSupportedException();

        public void WriteJson<T>(Utf8JsonWriter writer, T value) => throw new NotSupportedException();
    }

    private static class Assert
    {
        public static T Single<T>(IReadOnlyList<T> items) =>
            items.Count == 1 ? items[0] : throw new InvalidOperationException($"{items.Count} splits, expected one");
    }
}
