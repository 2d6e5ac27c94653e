using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace MapReduceGen;

/// <summary>
/// Reads a pipe or FIFO on a thread of its own, a few chunks ahead of the <see cref="TextSplitReader"/> that consumes
/// them, so that the reader can stop waiting when its run is cancelled: a read blocked on an idle pipe cannot be
/// interrupted, but waiting for this thread can. A gzip file's decompressor is read the same way, so that inflating
/// runs beside the mapping. Once the reader is done (or cancelled) the thread is left to end on
/// its own: after its current read returns (when the pipe has data, or is closed) it sees that it was stopped. It is a
/// background thread, so it never keeps the process alive.
/// </summary>
internal sealed class PipeReadAhead : IDisposable
{
    private const int ChunkBytes = 64 * 1024;

    private const int ChunksAhead = 4;

    private readonly Stream _stream;
    private readonly ConcurrentQueue<Chunk> _chunks = new();
    private readonly SemaphoreSlim _ready = new(0);
    private readonly SemaphoreSlim _room = new(ChunksAhead);
    private readonly CancellationTokenSource _stop = new();
    private Chunk _current;
    private int _offset;
    private bool _ended;

    private readonly bool _ownsStream;

    /// <summary>Starts reading <paramref name="stream"/> ahead on a thread of its own.</summary>
    /// <param name="stream">What to read: a pipe, or a decompressor (then its work runs on this thread, beside the map).</param>
    /// <param name="ownsStream">
    /// Whether the thread disposes the stream when it ends (after its last read, so never in the middle of one); otherwise
    /// the stream is the caller's to dispose.
    /// </param>
    public PipeReadAhead(Stream stream, bool ownsStream = false)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        var thread = new Thread(ReadAll) { IsBackground = true, Name = "MapReduceGen pipe reader" };
        thread.Start();
    }

    /// <summary>Copies the next bytes of the pipe into <paramref name="destination"/>; 0 at its end.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    public int Read(Span<byte> destination, CancellationToken cancellationToken)
    {
        if (_current.Buffer is null || _offset == _current.Count)
        {
            if (_ended)
            {
                return 0;
            }

            Release();
            _ready.Wait(cancellationToken);
            _chunks.TryDequeue(out Chunk next);
            _room.Release();
            if (next.Buffer is null)
            {
                _ended = true;
                if (next.Error is not null)
                {
                    ExceptionDispatchInfo.Throw(next.Error);
                }

                return 0;
            }

            _current = next;
            _offset = 0;
        }

        int count = Math.Min(destination.Length, _current.Count - _offset);
        _current.Buffer.AsSpan(_offset, count).CopyTo(destination);
        _offset += count;
        return count;
    }

    /// <summary>
    /// This read-ahead as a stream whose reads wait with <paramref name="cancellationToken"/>; disposing it stops the
    /// read-ahead (and disposes the stream read, unless the thread owns it and disposes it itself when it ends).
    /// </summary>
    public Stream AsStream(CancellationToken cancellationToken) => new ReadAheadStream(this, cancellationToken);

    /// <summary>Stops the reading thread (after its current read) and gives back the chunks not read.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        Release();
        while (_chunks.TryDequeue(out Chunk chunk))
        {
            if (chunk.Buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(chunk.Buffer);
            }
        }
    }

    private void Release()
    {
        if (_current.Buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_current.Buffer);
            _current = default;
        }
    }

    private void ReadAll()
    {
        CancellationToken stop = _stop.Token;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
                int read;
                try
                {
                    read = _stream.Read(buffer, 0, ChunkBytes);
                }
                catch (Exception ex)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    Add(new Chunk(null, 0, ex), stop);
                    return;
                }

                if (read <= 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    Add(new Chunk(null, 0, null), stop);
                    return;
                }

                Add(new Chunk(buffer, read, null), stop);
            }
        }
        catch (OperationCanceledException)
        {
            // The reader is done with the pipe: nobody takes what this thread reads any more.
        }
        finally
        {
            if (_ownsStream)
            {
                _stream.Dispose();
            }
        }
    }

    // Hands a chunk to the reader, waiting while it has ChunksAhead chunks it has not taken.
    private void Add(Chunk chunk, CancellationToken stop)
    {
        _room.Wait(stop);
        _chunks.Enqueue(chunk);
        _ready.Release();
    }

    /// <summary>Bytes read from the pipe; no buffer marks its end (with the read's exception, if it failed).</summary>
    private readonly record struct Chunk(byte[]? Buffer, int Count, Exception? Error);

    /// <summary>The read-ahead as a stream (<see cref="AsStream"/>).</summary>
    private sealed class ReadAheadStream(PipeReadAhead pipe, CancellationToken cancellationToken) : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer) => pipe.Read(buffer, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                pipe.Dispose();
                if (!pipe._ownsStream)
                {
                    pipe._stream.Dispose();
                }
            }

            base.Dispose(disposing);
        }
    }
}
