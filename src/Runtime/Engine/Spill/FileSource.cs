using System.Runtime.InteropServices;

namespace MapReduceGen.Engine.Spill;

/// <summary>
/// One partition of a run spilled to disk, read front to back in chunks. A chunk is a new array each time, never reused:
/// the string keys of rows already read point into it, and stay valid while anything holds them.
/// </summary>
internal sealed class FileSource<TKey, TStored, TSlot, TValue, TResult> : MergeSource<TStored, TSlot, TValue>
{
    // Under the large-object threshold: chunks are short-lived, so they die young.
    private const int ChunkBytes = 64 * 1024;

    private readonly FileStream _file;
    private readonly TypedCodecs<TKey, TValue, TResult> _codecs;
    private readonly ValueCodec<TSlot> _slotCodec;
    private readonly List<TValue>? _values;
    private readonly string _jobName;
    private long _remaining;
    private byte[] _buffer = [];
    private int _start;
    private int _end;

    public FileSource(SpillRun run, int partition, TypedCodecs<TKey, TValue, TResult> codecs, ValueCodec<TSlot> slotCodec, bool keepsValues, string jobName)
        : this(run.Path, run.Offset(partition), run.Length(partition), codecs, slotCodec, keepsValues, jobName)
    {
    }

    /// <summary>Reads the rows of <c>[offset, offset + length)</c> of a file, to its end.</summary>
    public FileSource(
        string path, long offset, long length, TypedCodecs<TKey, TValue, TResult> codecs, ValueCodec<TSlot> slotCodec, bool keepsValues, string jobName)
    {
        _codecs = codecs;
        _slotCodec = slotCodec;
        _values = keepsValues ? [] : null;
        _jobName = jobName;
        _remaining = length;
        try
        {
            _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, FileOptions.SequentialScan);
            _file.Position = offset;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw MapReduceException.ForSpill(jobName, path, e, MapReducePhase.Reduce);
        }
    }

    public override ReadOnlySpan<TValue> CurrentValues => _values is null ? default : CollectionsMarshal.AsSpan(_values);

    public override bool MoveNext()
    {
        if (_remaining == 0 && _start == _end)
        {
            return false;
        }

        int length;
        int rowStart;
        var reader = default(ValueReader);
        try
        {
            length = RowLength(out int header);
            rowStart = _start + header;
            reader = new ValueReader(_buffer.AsSpan(rowStart, length));
            _values?.Clear();
            RunRows.Read(ref reader, _buffer, rowStart, ref Current, _values, _codecs, _slotCodec);
        }
        catch (Exception e) when (IsCorrupt(e))
        {
            // A file changed on disk since it was written (cut, overwritten): one error naming it, never a raw exception.
            throw MapReduceException.ForSpill(_jobName, _file.Name, e, MapReducePhase.Reduce);
        }

        if (!reader.End)
        {
            throw MapReduceException.ForSpill(_jobName, _file.Name, new InvalidDataException("A spilled row is longer than its fields."), MapReducePhase.Reduce);
        }

        _start = rowStart + length;
        return true;
    }

    public override void Dispose()
    {
        _file.Dispose();
        base.Dispose();
    }

    // The next row's length and the size of its length prefix, with the whole row in the buffer.
    private int RowLength(out int header)
    {
        while (true)
        {
            var reader = new ValueReader(_buffer.AsSpan(_start, _end - _start));
            if (!TryReadLength(ref reader, out uint length))
            {
                Refill(_end - _start + 5);
            }
            else if (length > int.MaxValue - 8 || length > reader.Remaining + _remaining)
            {
                // Past what is left of the section: a corrupt length, never a chunk allocated for it.
                throw new InvalidDataException($"A spilled row's length ({length:N0} bytes) is more than what is left of its run.");
            }
            else if (reader.Remaining < length)
            {
                Refill(reader.Position + checked((int)length));
            }
            else
            {
                header = reader.Position;
                return (int)length;
            }
        }
    }

    /// <summary>What decoding bytes that are not the rows a run wrote can throw (besides <see cref="MapReduceException"/>).</summary>
    internal static bool IsCorrupt(Exception e) =>
        e is InvalidDataException or OverflowException or ArgumentOutOfRangeException or IndexOutOfRangeException or FormatException;

    private static bool TryReadLength(ref ValueReader reader, out uint length)
    {
        length = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            if (reader.Remaining == 0)
            {
                return false;
            }

            byte b = reader.ReadByte();
            length |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        throw new InvalidDataException("A spilled row's length is longer than 5 bytes.");
    }

    // A fresh chunk holding the unread bytes and room for at least `total` bytes from them (or the rest of the section).
    private void Refill(int total)
    {
        int left = _end - _start;
        if (_remaining == 0)
        {
            throw MapReduceException.ForSpill(_jobName, _file.Name, new EndOfStreamException("A spill file ends in the middle of a row."), MapReducePhase.Reduce);
        }

        // No larger than what is left of the section: the many small runs of a tiny budget each hold a small chunk.
        var chunk = new byte[Math.Max(total, (int)Math.Min(ChunkBytes, left + _remaining))];
        _buffer.AsSpan(_start, left).CopyTo(chunk);
        int want = (int)Math.Min(chunk.Length - left, _remaining);
        int filled = left;
        try
        {
            while (filled < left + want)
            {
                int read = _file.Read(chunk, filled, left + want - filled);
                if (read == 0)
                {
                    throw new EndOfStreamException("A spill file is shorter than its index says.");
                }

                filled += read;
            }
        }
        catch (IOException e)
        {
            throw MapReduceException.ForSpill(_jobName, _file.Name, e, MapReducePhase.Reduce);
        }

        _remaining -= want;
        _buffer = chunk;
        _start = 0;
        _end = filled;
    }
}
