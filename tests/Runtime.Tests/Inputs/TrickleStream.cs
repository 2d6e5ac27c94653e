namespace MapReduceGen.Runtime.Tests.Inputs;

/// <summary>
/// A non-seekable stream that returns short reads, like a slow pipe: one byte per read, or as many as
/// <c>readSize(n)</c> says for the n-th read.
/// </summary>
internal sealed class TrickleStream(byte[] bytes, Func<int, int>? readSize = null) : Stream
{
    private int _position;
    private int _reads;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position == bytes.Length || buffer.IsEmpty)
        {
            return 0;
        }

        int size = Math.Min(Math.Min(buffer.Length, bytes.Length - _position), Math.Max(1, readSize?.Invoke(_reads++) ?? 1));
        bytes.AsSpan(_position, size).CopyTo(buffer);
        _position += size;
        return size;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
