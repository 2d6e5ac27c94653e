using System.Threading.Channels;
using MapReduceGen.Orleans.Jobs;
using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Coordinator;

/// <summary>Gathers every partition's results on the coordinator, for a <see cref="MapReduceResult{TKey, TResult}"/>.</summary>
internal sealed class GatherSink<TKey, TResult>(Serializer serializer, int partitionCount) : IPartitionSink
    where TKey : notnull
{
    private readonly KeyValuePair<TKey, TResult>[]?[] _partitions = new KeyValuePair<TKey, TResult>[]?[partitionCount];

    public ReduceFileSpec? File => null;

    public async Task DeliverAsync(
        int partition, ReduceTaskReport report, Func<CancellationToken, Task<byte[]>> fetchResult, CancellationToken token)
    {
        byte[] encoded = await fetchResult(token).ConfigureAwait(false);
        _partitions[partition] = PartitionEncoder.DecodeEntries<TKey, TResult>(serializer, encoded);
    }

    public List<KeyValuePair<TKey, TResult>> Entries()
    {
        var entries = new List<KeyValuePair<TKey, TResult>>();
        foreach (var partition in _partitions)
        {
            if (partition is not null)
            {
                entries.AddRange(partition);
            }
        }

        return entries;
    }
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
