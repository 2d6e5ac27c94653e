using MapReduceGen.Orleans.Wire;

namespace MapReduceGen.Orleans.Coordinator;

/// <summary>
/// Where a completed partition goes: its results fetched and gathered, or streamed to the caller, or (when its reduce
/// task wrote a file) just the file's name. Called once per partition, from that partition's reduce runner; a failure
/// to fetch counts as the loss of the reduce task (it is run again).
/// </summary>
internal interface IPartitionSink
{
    /// <summary>Whether reduce tasks write their results to files (then nothing is fetched).</summary>
    PartitionFileSpec? File { get; }

    /// <summary>Takes partition <paramref name="partition"/>; <paramref name="fetchResult"/> fetches its encoded results.</summary>
    Task DeliverAsync(int partition, ReduceTaskReport report, Func<CancellationToken, Task<byte[]>> fetchResult, CancellationToken token);
}
