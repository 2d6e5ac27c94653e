using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// What a map task left (<see cref="JobDefinition{TKey, TValue, TOutput}.RunMapTask"/>): when it succeeded, its output
/// for every partition, encoded, to be read by the partitions' reduce tasks (<see cref="PartitionLength"/>,
/// <see cref="ReadPartition"/>), and what it did; when user code failed, the <see cref="Failure"/>. Keep it where the task
/// ran until every reduce task has read its partition, then dispose it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MapTaskResult : IDisposable
{
    private byte[]?[]? _partitions;
    private Spill.TaskOutputFile? _file;

    internal MapTaskResult(TaskFailure failure)
    {
        Failure = failure;
    }

    internal MapTaskResult(byte[]?[] partitions, MapTaskStatistics statistics)
    {
        _partitions = partitions;
        Statistics = statistics;
    }

    internal MapTaskResult(Spill.TaskOutputFile file, MapTaskStatistics statistics)
    {
        _file = file;
        Statistics = statistics;
    }

    /// <summary>Why the task failed, or <see langword="null"/> when it completed.</summary>
    public TaskFailure? Failure { get; }

    /// <summary>What the task did (when it completed).</summary>
    public MapTaskStatistics? Statistics { get; }

    /// <summary>The number of partitions of the output.</summary>
    public int PartitionCount => _file?.PartitionCount ?? _partitions?.Length ?? 0;

    /// <summary>Whether the output was written to local disk (the task spilled): it is then read from there.</summary>
    public bool IsOnDisk => _file is not null;

    /// <summary>The size of one partition's output in bytes (0 when the task has no key in it).</summary>
    /// <param name="partition">The partition.</param>
    /// <returns>The size.</returns>
    public long PartitionLength(int partition) => _file is { } file ? file.Length(partition) : Output[partition]?.Length ?? 0;

    /// <summary>Copies bytes of one partition's output, from <paramref name="offset"/>, into <paramref name="destination"/>.</summary>
    /// <param name="partition">The partition.</param>
    /// <param name="offset">Where to start.</param>
    /// <param name="destination">Where the bytes go.</param>
    /// <returns>The number of bytes copied (0 at the end).</returns>
    public int ReadPartition(int partition, long offset, Span<byte> destination)
    {
        if (_file is { } file)
        {
            return file.Read(partition, offset, destination);
        }

        byte[] data = Output[partition] ?? [];
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (offset >= data.Length)
        {
            return 0;
        }

        int count = (int)Math.Min(destination.Length, data.Length - offset);
        data.AsSpan((int)offset, count).CopyTo(destination);
        return count;
    }

    /// <summary>Frees the output (deletes it from disk when it was written there).</summary>
    public void Dispose()
    {
        _partitions = null;
        _file?.Dispose();
        _file = null;
    }

    private byte[]?[] Output =>
        _partitions ?? throw new InvalidOperationException(Failure is null ? "The map task's output was disposed." : "The map task failed; it has no output.");
}
