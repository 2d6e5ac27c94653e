using System.Threading.Channels;
using MapReduceGen.Orleans.Jobs;
using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Coordinator;

/// <summary>
/// Gathers every partition's results on the coordinator, in partition order, for the job's output (a
/// <see cref="MapReduceResult{TKey, TResult}"/>, or records when <paramref name="records"/>).
/// </summary>
internal sealed class GatherSink<TKey, TResult>(Serializer serializer, int partitionCount, bool records = false) : IPartitionSink
    where TKey : notnull
{
    private readonly (TKey[] Keys, TResult[] Results)?[] _partitions = new (TKey[] Keys, TResult[] Results)?[partitionCount];

    public ReduceFileSpec? File => null;

    public async Task DeliverAsync(
        int partition, ReduceTaskReport report, Func<CancellationToken, Task<byte[]>> fetchResult, CancellationToken token)
    {
        byte[] encoded = await fetchResult(token).ConfigureAwait(false);
        _partitions[partition] = encoded.Length == 0 ? ([], []) : PartitionEncoder.DecodePairs<TKey, TResult>(serializer, encoded, records);
    }

    /// <summary>Every partition's keys and results (records: no keys), each in its output order; empty for a partition without.</summary>
    public IReadOnlyList<(TKey[] Keys, TResult[] Results)> Partitions() => [.. _partitions.Select(p => p ?? ([], []))];
}

/// <summary>
/// Hands each partition to the caller's <c>await foreach</c> as it completes. One partition at a time is fetched and
/// waits in the channel; the others wait on their silos, so a slow consumer holds the coordinator's memory to about
/// two partitions.
/// </summary>
internal sealed class StreamSink<TKey, TResult>(Serializer serializer, int partitionCount, ChannelWriter<MapReducePartition<TKey, TResult>> writer)
    : IPartitionSink, IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public ReduceFileSpec? File => null;

    public async Task DeliverAsync(
        int partition, ReduceTaskReport report, Func<CancellationToken, Task<byte[]>> fetchResult, CancellationToken token)
    {
        await _one.WaitAsync(token).ConfigureAwait(false);
        try
        {
            if (!await writer.WaitToWriteAsync(token).ConfigureAwait(false))
            {
                throw new OperationCanceledException(token);
            }

            byte[] encoded = await fetchResult(token).ConfigureAwait(false);
            var entries = PartitionEncoder.DecodeEntries<TKey, TResult>(serializer, encoded);
            await writer.WriteAsync(new MapReducePartition<TKey, TResult>(partition, partitionCount, entries), token).ConfigureAwait(false);
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();
}

/// <summary>Reduce tasks write their partitions to files; the coordinator only learns the files' names and sizes.</summary>
internal sealed class FileSink(ReduceFileSpec file, int partitionCount) : IPartitionSink
{
    private readonly ClusterOutputFile?[] _files = new ClusterOutputFile?[partitionCount];

    public ReduceFileSpec? File => file;

    public Task DeliverAsync(
        int partition, ReduceTaskReport report, Func<CancellationToken, Task<byte[]>> fetchResult, CancellationToken token)
    {
        _files[partition] = new ClusterOutputFile(
            partition,
            report.FilePath ?? throw new MapReduceClusterException($"The reduce task of partition {partition} wrote no file."),
            report.KeyCount,
            report.FileBytes);
        return Task.CompletedTask;
    }

    public IReadOnlyList<ClusterOutputFile> Files() => [.. _files.Select((f, p) => f ?? throw new InvalidOperationException($"partition {p} has no file"))];
}
