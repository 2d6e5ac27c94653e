using System.Threading.Channels;
using MapReduceGen.Orleans.Wire;

namespace MapReduceGen.Orleans.Coordinator;

/// <summary>
/// Gathers every partition's encoded output on the coordinator, in partition order, for the job's output (the task kit's
/// <c>CreateOutput</c>).
/// </summary>
internal sealed class GatherSink(int partitionCount) : IPartitionSink
{
    private readonly byte[]?[] _partitions = new byte[]?[partitionCount];

    public PartitionFileSpec? File => null;

    public async Task DeliverAsync(
        int partition, ReduceTaskReport report, Func<CancellationToken, Task<byte[]>> fetchResult, CancellationToken token) =>
        _partitions[partition] = await fetchResult(token).ConfigureAwait(false);

    /// <summary>Every partition's encoded output (empty for a partition without).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Partitions() => [.. _partitions.Select(p => new ReadOnlyMemory<byte>(p ?? []))];
}

/// <summary>
/// Hands each partition to the caller's <c>await foreach</c> as it completes. One partition at a time is fetched and
/// waits in the channel; the others wait on their silos, so a slow consumer holds the coordinator's memory to about
/// two partitions.
/// </summary>
internal sealed class StreamSink<T>(Func<int, byte[], T> decode, ChannelWriter<T> writer) : IPartitionSink, IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public PartitionFileSpec? File => null;

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
            await writer.WriteAsync(decode(partition, encoded), token).ConfigureAwait(false);
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();
}

/// <summary>
/// Reduce tasks write their partitions as files into the run's work directory; the coordinator only learns the files'
/// names and sizes, and the run commits them when every partition is written.
/// </summary>
internal sealed class FileSink(PartitionFileSpec file, int partitionCount) : IPartitionSink
{
    private readonly MapReduceOutputFile?[] _files = new MapReduceOutputFile?[partitionCount];

    public PartitionFileSpec? File => file;

    public Task DeliverAsync(
        int partition, ReduceTaskReport report, Func<CancellationToken, Task<byte[]>> fetchResult, CancellationToken token)
    {
        _files[partition] = new MapReduceOutputFile(
            partition,
            report.FilePath ?? throw new MapReduceClusterException($"The reduce task of partition {partition} wrote no file."),
            report.KeyCount,
            report.FileBytes);
        return Task.CompletedTask;
    }

    public IReadOnlyList<MapReduceOutputFile> Files() => [.. _files.Select((f, p) => f ?? throw new InvalidOperationException($"partition {p} has no file"))];
}
