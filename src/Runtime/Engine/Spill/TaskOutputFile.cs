using Microsoft.Win32.SafeHandles;

namespace MapReduceGen.Engine.Spill;

/// <summary>
/// A map task's output kept on local disk (the task spilled): one file with a section per partition, each a sorted run
/// (<see cref="PieceFormat.SortedRun"/>), read by offset for the partitions' reduce tasks; deleted with its folder.
/// </summary>
internal sealed class TaskOutputFile(SpillFolder folder, string path, long[] offsets, long[] lengths) : IDisposable
{
    private readonly Lock _gate = new();
    private SafeFileHandle? _handle;
    private bool _disposed;

    public int PartitionCount => offsets.Length;

    public long Length(int partition) => lengths[partition];

    public int Read(int partition, long offset, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (offset >= lengths[partition])
        {
            return 0;
        }

        int count = (int)Math.Min(destination.Length, lengths[partition] - offset);
        SafeFileHandle handle;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            handle = _handle ??= File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        }

        int read = 0;
        while (read < count)
        {
            int n = RandomAccess.Read(handle, destination.Slice(read, count - read), offsets[partition] + offset + read);
            if (n == 0)
            {
                throw new EndOfStreamException($"The map output file {path} is shorter than its index says.");
            }

            read += n;
        }

        return read;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _handle?.Dispose();
            _handle = null;
        }

        folder.Dispose();
    }
}
