namespace MapReduceGen.Engine.Keys;

/// <summary>
/// Where one table writer copies the bytes of the string keys it meets for the first time: chunks that grow from 4 KiB
/// to 1 MiB, never moved or copied once written (keys point into them), so adding a key is one copy of its bytes. A key
/// longer than a chunk gets an array of its own. Chunks live as long as a key points into them.
/// </summary>
internal sealed class Utf8Arena
{
    private const int FirstChunkBytes = 4 * 1024;
    private const int LargestChunkBytes = 1024 * 1024;

    private byte[] _chunk = [];
    private int _used;
    private int _nextChunkBytes = FirstChunkBytes;
    private long _bytes;

    /// <summary>Bytes of keys stored so far.</summary>
    public long Bytes => _bytes;

    /// <summary>The bytes of the chunks allocated so far (a little more than <see cref="Bytes"/>).</summary>
    public long Footprint { get; private set; }

    public Utf8Key Store(ReadOnlySpan<byte> key, ulong prefix)
    {
        _bytes += key.Length;
        if (key.Length > _chunk.Length - _used)
        {
            if (key.Length > LargestChunkBytes / 4)
            {
                // A long key: its own array, so a chunk is never mostly wasted.
                byte[] own = key.ToArray();
                Footprint += own.Length;
                return new Utf8Key(own, 0, own.Length, prefix);
            }

            // A fresh chunk: the next size in the progression, or the key's own size when it is larger.
            _chunk = new byte[Math.Max(_nextChunkBytes, key.Length)];
            Footprint += _chunk.Length;
            _used = 0;
            _nextChunkBytes = Math.Min(LargestChunkBytes, _nextChunkBytes * 2);
        }

        int offset = _used;
        key.CopyTo(_chunk.AsSpan(offset));
        _used += key.Length;
        return new Utf8Key(_chunk, offset, key.Length, prefix);
    }
}
