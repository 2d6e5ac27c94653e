using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace MapReduceGen;

/// <summary>
/// The text of a gzip file (RFC 1952), member after member (a file of several members, as <c>cat a.gz b.gz</c> or
/// bgzip make, is their texts one after the other), with every member's trailer checked: its CRC-32 and length must
/// be those of what was decompressed. A file cut short, a corrupt member, or data after the last member that is no
/// gzip member is an <see cref="InvalidDataException"/> saying which, never a shorter text (System.IO.Compression's
/// <see cref="GZipStream"/> ends quietly where a truncated file ends). The inflating is <see cref="DeflateStream"/>'s;
/// this class reads the framing around it.
/// </summary>
internal sealed class GzipReadStream : ReadOnlyStream
{
    private readonly Feed _feed;
    private readonly Crc32 _crc = new();
    private DeflateStream? _member;
    private long _memberLength;
    private int _members;
    private bool _ended;

    /// <summary>Reads gzip data from <paramref name="file"/> (owned), at most <paramref name="limit"/> bytes of it.</summary>
    public GzipReadStream(Stream file, long limit)
    {
        _feed = new Feed(file, limit);
    }

    /// <summary>The compressed bytes read from the file so far (read from any thread, for progress).</summary>
    public long CompressedBytesRead => _feed.BytesRead;

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (!_ended)
        {
            if (_member is null && !StartMember())
            {
                _ended = true;
                return 0;
            }

            int read;
            try
            {
                read = _member!.Read(buffer);
            }
            catch (InvalidDataException corrupt)
            {
                throw new InvalidDataException($"member {_members + 1} is corrupt (its compressed data cannot be inflated)", corrupt);
            }

            if (read > 0)
            {
                _crc.Append(buffer[..read]);
                _memberLength += read;
                return read;
            }

            EndMember();
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _member?.Dispose();
            _member = null;
            _feed.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads the next member's header; false at the end of the file after a whole member.</summary>
    private bool StartMember()
    {
        int number = _members + 1;
        long offset = _feed.Offset;
        int id1 = _feed.ReadByte();
        if (id1 < 0)
        {
            return _members > 0 ? false : throw new InvalidDataException("the file is empty");
        }

        int id2 = _feed.ReadByte();
        if (id1 == 0x1F && id2 < 0)
        {
            throw new InvalidDataException($"the file ends inside the header of member {number}: it is truncated");
        }

        if (id1 != 0x1F || id2 != 0x8B)
        {
            throw new InvalidDataException(_members == 0
                ? "it does not start with the gzip signature (the bytes 1F 8B): it is not gzip-compressed"
                : string.Create(
                    CultureInfo.InvariantCulture,
                    $"after member {_members} comes data that is not a gzip member (at byte {offset:N0})"));
        }

        int method = NextHeaderByte(number);
        if (method != 8)
        {
            throw new InvalidDataException(string.Create(
                CultureInfo.InvariantCulture, $"member {number} uses compression method {method}; gzip's is deflate (8)"));
        }

        int flags = NextHeaderByte(number);
        if ((flags & 0xE0) != 0)
        {
            throw new InvalidDataException($"member {number} has reserved header flags set: its header is corrupt");
        }

        for (int i = 0; i < 6; i++)
        {
            NextHeaderByte(number); // modification time, extra flags, operating system
        }

        if ((flags & 0x04) != 0)
        {
            int extraLength = NextHeaderByte(number) | (NextHeaderByte(number) << 8);
            for (int i = 0; i < extraLength; i++)
            {
                NextHeaderByte(number);
            }
        }

        if ((flags & 0x08) != 0)
        {
            while (NextHeaderByte(number) != 0)
            {
                // the original file name, zero-terminated
            }
        }

        if ((flags & 0x10) != 0)
        {
            while (NextHeaderByte(number) != 0)
            {
                // a comment, zero-terminated
            }
        }

        if ((flags & 0x02) != 0)
        {
            NextHeaderByte(number);
            NextHeaderByte(number); // the header's CRC-16
        }

        _feed.MarkDataStart();
        _member = new DeflateStream(_feed, CompressionMode.Decompress, leaveOpen: true);
        _crc.Reset();
        _memberLength = 0;
        return true;
    }

    private int NextHeaderByte(int member)
    {
        int value = _feed.ReadByte();
        return value >= 0 ? value : throw new InvalidDataException($"the file ends inside the header of member {member}: it is truncated");
    }

    /// <summary>
    /// After the member's deflate data: finds its trailer (CRC-32, then the length mod 2^32, little-endian) right after
    /// the data, and hands the bytes after it to the next member. Deflate data has no length of its own and
    /// <see cref="DeflateStream"/> reads ahead of where it ends, so the trailer is looked for in the bytes read since
    /// the data's last chunk began: eight bytes that are exactly the expected values do not occur there by chance.
    /// </summary>
    private void EndMember()
    {
        _member!.Dispose();
        _member = null;
        _members++;
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc.Value);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)_memberLength));
        if (!_feed.ResumeAfter(trailer))
        {
            throw new InvalidDataException(_feed.EndsWith(trailer[4..])
                ? $"the checksum of member {_members} does not match its data: the file is corrupt"
                : $"the file ends inside member {_members}, or the member is corrupt: its data ends without its trailer");
        }
    }

    /// <summary>
    /// The compressed bytes as the inflater and the header reader take them: chunks read from the file, the last two
    /// kept so that the bytes the inflater read past its data can be given back.
    /// </summary>
    private sealed class Feed(Stream file, long limit) : ReadOnlyStream
    {
        private const int ChunkSize = 64 * 1024;

        private long _remaining = limit;
        private byte[] _current = new byte[ChunkSize];
        private int _position;
        private int _filled;
        private byte[] _previous = new byte[ChunkSize];
        private int _previousFilled;
        private byte[] _spare = new byte[ChunkSize];
        private bool _fileEnded;

        private long _bytesRead;

        public long BytesRead => Volatile.Read(ref _bytesRead);

        /// <summary>The offset in the file of the next byte to be taken.</summary>
        public long Offset => BytesRead - (_filled - _position);

        /// <summary>The member's deflate data starts here: what came before (its header) is no place for its trailer.</summary>
        public void MarkDataStart()
        {
            _previousFilled = 0;
        }

        public override int ReadByte()
        {
            if (_position == _filled && !NextChunk())
            {
                return -1;
            }

            return _current[_position++];
        }

        public override int Read(Span<byte> destination)
        {
            if (destination.IsEmpty || (_position == _filled && !NextChunk()))
            {
                return 0;
            }

            int count = Math.Min(destination.Length, _filled - _position);
            _current.AsSpan(_position, count).CopyTo(destination);
            _position += count;
            return count;
        }

        /// <summary>
        /// Finds <paramref name="trailer"/> in the bytes read since the previous chunk began (reading up to its length
        /// more) and goes on just after it; false when it is not there.
        /// </summary>
        public bool ResumeAfter(ReadOnlySpan<byte> trailer)
        {
            // The inflater took bytes up to _position and stopped somewhere in them (in this chunk or the previous one):
            // the trailer starts there, so it ends at most eight bytes past _position. Read those if they are not here.
            EnsureCapacity(ref _current, _position + trailer.Length);
            while (_filled < _position + trailer.Length)
            {
                int read = ReadFile(_current.AsSpan(_filled, _position + trailer.Length - _filled));
                if (read == 0)
                {
                    break;
                }

                _filled += read;
            }

            int total = _previousFilled + _filled;
            int lastStart = Math.Min(_previousFilled + _position, total - trailer.Length);
            for (int i = 0; i <= lastStart; i++)
            {
                if (At(i) == trailer[0] && Matches(i, trailer))
                {
                    // Go on after the trailer: what follows in the previous and current chunks becomes the current chunk.
                    int after = i + trailer.Length;
                    int rest = total - after;
                    EnsureCapacity(ref _spare, rest);
                    for (int k = 0; k < rest; k++)
                    {
                        _spare[k] = At(after + k);
                    }

                    (_current, _spare) = (_spare, _current);
                    _position = 0;
                    _filled = rest;
                    _previousFilled = 0;
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the last bytes read from the file, at its end, are <paramref name="suffix"/>.</summary>
        public bool EndsWith(ReadOnlySpan<byte> suffix)
        {
            int total = _previousFilled + _filled;
            if (!_fileEnded || total < suffix.Length)
            {
                return false;
            }

            return Matches(total - suffix.Length, suffix);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
            }

            base.Dispose(disposing);
        }

        private static void EnsureCapacity(ref byte[] buffer, int length)
        {
            if (buffer.Length < length)
            {
                Array.Resize(ref buffer, Math.Max(length, buffer.Length * 2));
            }
        }

        private byte At(int index) => index < _previousFilled ? _previous[index] : _current[index - _previousFilled];

        private bool Matches(int start, ReadOnlySpan<byte> expected)
        {
            for (int k = 0; k < expected.Length; k++)
            {
                if (At(start + k) != expected[k])
                {
                    return false;
                }
            }

            return true;
        }

        private bool NextChunk()
        {
            (_previous, _current) = (_current, _previous);
            _previousFilled = _filled;
            EnsureCapacity(ref _current, ChunkSize);
            _position = 0;
            _filled = ReadFile(_current.AsSpan(0, ChunkSize));
            return _filled > 0;
        }

        private int ReadFile(Span<byte> destination)
        {
            if (_fileEnded || _remaining <= 0)
            {
                _fileEnded = true;
                return 0;
            }

            int read = file.Read(destination[..(int)Math.Min(destination.Length, _remaining)]);
            if (read <= 0)
            {
                _fileEnded = true;
                return 0;
            }

            _remaining -= read;
            Volatile.Write(ref _bytesRead, _bytesRead + read);
            return read;
        }
    }
}
