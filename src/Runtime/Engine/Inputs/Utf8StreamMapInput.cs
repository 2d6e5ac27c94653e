using System.Buffers;

using MapReduceGen.Engine.Local;

namespace MapReduceGen.Engine.Inputs;

/// <summary>
/// A stream (standard input, a pipe) mapped as UTF-8 blocks of whole lines by several workers: a worker takes the
/// stream's lock only to copy the next block into its own buffer (the previous block's unfinished last line first),
/// then maps it while the others read. Reading is serial, mapping is parallel; memory is one block per worker.
/// </summary>
internal sealed class Utf8StreamMapInput<TInput> : MapInput<TInput>
{
    private const int BlockBytes = 1 << 20;
    private readonly Stream _stream;
    private readonly string _name;
    private readonly Action<IInputMapper<TInput>, IUtf8LineBlocks> _mapBlocks;
    private readonly Lock _lock = new();
    private readonly int _maxLineBytes;
    private byte[] _carry = new byte[BlockBytes];
    private int _carryLength;
    private long _position;
    private bool _atStart = true;
    private bool _ended;

    public Utf8StreamMapInput(Stream stream, string name, Action<IInputMapper<TInput>, IUtf8LineBlocks> mapBlocks, int maxLineBytes = TextSplitReader.MaxLineBytes)
    {
        _maxLineBytes = maxLineBytes;
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream is not readable.", nameof(stream));
        }

        _stream = stream;
        _name = name;
        _mapBlocks = mapBlocks;
    }

    public override int PlanWorkers(int maximum) => Math.Max(1, maximum);

    public override void RunWorker(int workerIndex, IInputMapper<TInput> worker, RunState state)
    {
        var blocks = new WorkerBlocks(this, state.CancellationToken);
        try
        {
            _mapBlocks(worker, blocks);
        }
        finally
        {
            blocks.Dispose();
        }
    }

    // Copies the next block of whole lines into buffer (grown for a line longer than it). Returns its length, 0 at the end.
    private int ReadBlock(ref byte[] buffer, out long start, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            start = _position;
            if (_ended && _carryLength == 0)
            {
                return 0;
            }

            if (buffer.Length < _carryLength + BlockBytes)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = ArrayPool<byte>.Shared.Rent(_carryLength + BlockBytes);
            }

            _carry.AsSpan(0, _carryLength).CopyTo(buffer);
            int length = _carryLength;
            _carryLength = 0;
            int skip = -1; // bytes of a byte order mark at the stream's start; -1 until known
            while (true)
            {
                while (!_ended && length < buffer.Length)
                {
                    // Once per read: a huge line or a slow pipe stops promptly when the run is cancelled.
                    cancellationToken.ThrowIfCancellationRequested();
                    int read = _stream.Read(buffer, length, buffer.Length - length);
                    if (read <= 0)
                    {
                        _ended = true;
                        break;
                    }

                    length += read;
                }

                if (skip < 0)
                {
                    skip = _atStart && buffer.AsSpan(0, length).StartsWith("\uFEFF"u8) ? 3 : 0;
                    _atStart = false;
                }

                if (_ended)
                {
                    _position += length;
                    return Shift(buffer, skip, length);
                }

                int last = buffer.AsSpan(skip, length - skip).LastIndexOfAny((byte)'\n', (byte)'\r');
                if (last >= 0 && skip + last == length - 1 && buffer[length - 1] == (byte)'\r')
                {
                    // A '\r' ending the buffer may be the first half of "\r\n": end the block at the terminator before it.
                    last = buffer.AsSpan(skip, last).LastIndexOfAny((byte)'\n', (byte)'\r');
                }
                if (last >= 0)
                {
                    int end = skip + last + 1;
                    _carryLength = length - end;
                    if (_carry.Length < _carryLength)
                    {
                        _carry = new byte[_carryLength];
                    }

                    buffer.AsSpan(end, _carryLength).CopyTo(_carry);
                    _position += end;
                    return Shift(buffer, skip, end);
                }

                // One line fills the buffer: grow it and read on, up to the largest array .NET can hold.
                if (buffer.Length - skip >= _maxLineBytes)
                {
                    throw new TextSourceException(
                        string.Create(
                            System.Globalization.CultureInfo.InvariantCulture,
                            $"a line of '{_name}' is too long to read: more than {_maxLineBytes:N0} bytes, the largest array .NET can hold"),
                        _name,
                        lineNumber: null);
                }

                byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, (long)_maxLineBytes + skip));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
        }
    }

    private static int Shift(byte[] buffer, int skip, int length)
    {
        if (skip > 0)
        {
            buffer.AsSpan(skip, length - skip).CopyTo(buffer);
        }

        return length - skip;
    }

    /// <summary>One worker's view: its own buffer, filled from the shared stream.</summary>
    private sealed class WorkerBlocks(Utf8StreamMapInput<TInput> input, CancellationToken cancellationToken) : IUtf8LineBlocks, IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);
        private long _consumed;

        public string Path => input._name;

        public bool IsFile => false;

        public long BytesConsumed => _consumed;

        public bool TryReadLines(out ReadOnlySpan<byte> lines, out long blockStartOffset)
        {
            int length = input.ReadBlock(ref _buffer, out blockStartOffset, cancellationToken);
            _consumed += length;
            lines = _buffer.AsSpan(0, length);
            return length > 0;
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
    }
}
