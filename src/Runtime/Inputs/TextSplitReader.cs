using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Microsoft.Win32.SafeHandles;
using MapReduceGen.Engine.Inputs;

namespace MapReduceGen;

/// <summary>
/// Reads the lines owned by one <see cref="TextSplit"/> (or all lines of a <see cref="Stream"/>), decoded from UTF-8,
/// without ever holding a whole file in memory. One reader is meant to be owned by one worker and reused for split
/// after split through <see cref="Reset(TextSplit)"/>; it is not thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// A line starts at offset 0, right after a <c>\n</c>, or right after a <c>\r</c> that is not followed by <c>\n</c>
/// (so <c>\r\n</c> is one terminator, even when a split boundary falls between the two bytes). A line is owned by the
/// split in which its first byte lies: a split that does not start at offset 0 skips the partial line before its first
/// line start, and the last owned line is read to its end even past the split's end. A terminator at the very end of
/// the data does not start another (empty) line, so an empty file has no lines.
/// </para>
/// <para>
/// A UTF-8 byte order mark at the start of a file is skipped. Invalid UTF-8 is replaced by U+FFFD (one per maximal
/// invalid subsequence, like <see cref="Encoding.UTF8"/>) and reported by <see cref="SawInvalidUtf8"/>. Since lines
/// are always decoded whole, a split boundary inside a multi-byte character does not matter.
/// </para>
/// <para>
/// Bytes are read through a pooled buffer (<see cref="DefaultBufferSize"/> by default); the line is decoded into a
/// pooled character buffer that grows for lines longer than the byte buffer and is handed out as a span that stays
/// valid until the next call on the reader.
/// </para>
/// </remarks>
internal sealed class TextSplitReader : IDisposable, IUtf8LineBlocks
{
    /// <summary>The default size of the byte buffer: 64 KiB.</summary>
    public const int DefaultBufferSize = 64 * 1024;

    /// <summary>The smallest byte buffer size accepted (small sizes are only useful for tests).</summary>
    public const int MinimumBufferSize = 8;

    /// <summary>
    /// The longest line <see cref="TryReadLine(out ReadOnlySpan{char}, out long)"/> hands out, in UTF-16 characters: the
    /// longest <see cref="string"/> .NET can hold (1,073,741,791), since a mapper gets each line as a string.
    /// </summary>
    public const int MaxLineChars = 0x3FFFFFDF;

    /// <summary>
    /// The longest line <see cref="TryReadLines"/> hands out, in bytes: the largest byte array .NET can hold
    /// (<see cref="Array.MaxLength"/>, 2,147,483,591), since a block holds whole lines.
    /// </summary>
    public const int MaxLineBytes = 0x7FFFFFC7;

    // Character buffers up to this size come from the shared pool and go back to it; larger ones (for long lines) are
    // allocated for the line and left to the garbage collector once the next line starts, so the pool never keeps them.
    private const int RetainedCharBufferSize = 1024 * 1024;

    private readonly int _bufferSize;
    private int _readLimit;     // how much of _bytes Fill may use: _bufferSize, more while a block holds a long line
    private byte[] _bytes;
    private char[] _chars;
    private int _head;          // index in _bytes of the next unconsumed byte
    private int _tail;          // index in _bytes just past the valid bytes
    private long _bufferOffset; // source offset of _bytes[0]
    private SafeFileHandle? _file;
    private Stream? _stream;

    // A stream this reader opened itself (a pipe or FIFO given as a path), disposed with the split.
    private FileStream? _ownedStream;

    // A gzip-compressed file (TextSource.IsCompressed) is read through this decompressor (which owns the file), run
    // ahead by a thread of its own that hands its text out through _decompressed.
    private GzipReadStream? _gzip;
    private Stream? _decompressed;
    private bool _compressed;

    // A pipe or FIFO given as a path is read on a thread of its own, so that a read blocked on an idle pipe does not
    // hold a cancelled run (see PipeReadAhead); only when the run can be cancelled.
    private PipeReadAhead? _pipe;
    private bool _readingStream;
    private string _path = "";
    private long _start;
    private long _end;          // lines starting at or after this offset are not owned
    private long _dataEnd;      // no byte at or past this offset is read: the file's length when its source was made
    private long _lineStart;    // where the line being read starts
    private int _maxLineChars = MaxLineChars;
    private int _maxLineBytes = MaxLineBytes;
    private bool _sourceEnded;  // a read returned no bytes
    private bool _done;         // no more owned lines
    private bool _atFirstLine;  // the next line is the source's first line (starts at offset 0, maybe after a BOM)
    private bool _skipLf;       // the last line ended with '\r': a '\n' right after it belongs to the terminator
    private bool _sawInvalid;

    // A line was too long to read: the next TryReadLine first skips the rest of it.
    private bool _skipRestOfLine;
    private long _linesRead;
    private bool _disposed;
    private bool _resetting;    // inside Reset: reads do not observe the cancellation token

    /// <summary>Creates a reader with a byte buffer of <see cref="DefaultBufferSize"/>.</summary>
    public TextSplitReader()
        : this(DefaultBufferSize)
    {
    }

    /// <summary>Creates a reader with a byte buffer of about <paramref name="bufferSize"/> bytes.</summary>
    /// <param name="bufferSize">The byte buffer size; at least <see cref="MinimumBufferSize"/>.</param>
    public TextSplitReader(int bufferSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, MinimumBufferSize);
        _bufferSize = bufferSize;
        _readLimit = bufferSize;
        _bytes = ArrayPool<byte>.Shared.Rent(bufferSize);
        _chars = ArrayPool<char>.Shared.Rent(bufferSize);
        _done = true;
    }

    /// <summary>The path of the current split's file, or the name given for the current stream.</summary>
    public string Path => _path;

    /// <summary>
    /// Observed while lines are read: a line that spans many buffers (a huge line) or a slow pipe does not hold up a
    /// cancelled run until the line ends. Checked before every read from the file or stream (once per 64 KiB, or per
    /// short read of a pipe); a cancelled token makes <see cref="TryReadLine(out ReadOnlySpan{char}, out long)"/> and
    /// <see cref="TryReadLines"/> throw <see cref="OperationCanceledException"/>. <see cref="Reset(TextSplit)"/> does
    /// not observe it, except while it waits for the first bytes of a pipe or FIFO given as a path: such a pipe is read
    /// on a thread of its own (<see cref="PipeReadAhead"/>) when this token can be cancelled, so that waiting for an
    /// idle pipe stops at once.
    /// </summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>For tests: the longest line in characters, instead of the split's or <see cref="MaxLineChars"/>; 0 for those.</summary>
    internal int MaxLineCharsOverride { get; set; }

    /// <summary>The split being read; for a stream, a split of the whole stream with an unknown (maximal) length.</summary>
    public TextSplit Split { get; private set; }

    /// <summary>
    /// The bytes of the current split consumed so far, for progress: between 0 and the split's length, and exactly
    /// its length once <see cref="TryReadLine(out ReadOnlySpan{char}, out long)"/> has returned <see langword="false"/>,
    /// so the values of all splits of a source add up to <see cref="TextSource.TotalBytes"/>. For a stream, the bytes
    /// consumed from it.
    /// </summary>
    public long BytesConsumed
    {
        get
        {
            if (_compressed)
            {
                // Progress of a compressed file is in its own (compressed) bytes, which add up to TotalBytes.
                return _done ? Split.Length : Math.Min(_gzip?.CompressedBytesRead ?? 0, Split.Length);
            }

            if (_readingStream)
            {
                return _bufferOffset + _head;
            }

            return _done ? Split.Length : Math.Clamp(_bufferOffset + _head - _start, 0, Split.Length);
        }
    }

    bool IUtf8LineBlocks.IsFile => !_readingStream;

    /// <summary>Whether invalid UTF-8 was met (and replaced by U+FFFD) in the lines read from the current split.</summary>
    public bool SawInvalidUtf8 => _sawInvalid;

    /// <summary>
    /// The number of lines read from the current split. For a split that starts at offset 0 (and for a stream) it is
    /// the 1-based line number of the last line read; otherwise see <see cref="TextSource.CountLineNumber"/>.
    /// </summary>
    public long LinesRead => _linesRead;

    /// <summary>Starts reading the lines owned by <paramref name="split"/>, closing the previous file.</summary>
    /// <param name="split">The split.</param>
    /// <exception cref="TextSourceException">The file cannot be opened.</exception>
    /// <exception cref="OperationCanceledException">
    /// <see cref="CancellationToken"/> was cancelled while waiting for the first bytes of a pipe.
    /// </exception>
    public void Reset(TextSplit split)
    {
        // Reset reads at most to the first line start of the split: it does not stop for cancellation (the caller's
        // loop does, between splits), so that cancelling never throws from here.
        _resetting = true;
        try
        {
            ResetCore(split);
        }
        finally
        {
            _resetting = false;
        }
    }

    private void ResetCore(TextSplit split)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrEmpty(split.Path, nameof(split));
        ArgumentOutOfRangeException.ThrowIfNegative(split.Start, nameof(split));
        ArgumentOutOfRangeException.ThrowIfNegative(split.Length, nameof(split));
        Begin(split, split.Path);
        if (split.Length == 0 && split.Start != 0)
        {
            _done = true;
            return;
        }

        if (TextSource.IsCompressed(split.Path))
        {
            OpenCompressed(split);
            return;
        }

        SafeFileHandle file = OpenFile(split.Path);
        bool seekable = IsSeekable(file);
        if (seekable && split.Length == 0 && IsEmpty(file))
        {
            // An empty file (most files of length 0): nothing to read, nothing to open a stream for.
            file.Dispose();
            _done = true;
            return;
        }

        if (!seekable || (split.Length == 0 && split.FileLength == 0))
        {
            // A pipe, FIFO or character device: there are no offsets to read at and its length says nothing, so
            // the file's first split reads it whole as a stream and any other split owns nothing. A file that reported
            // length 0 is read the same way: an empty file ends at once, but a file of /proc or /sys (which report 0
            // and hold text) and a device that can seek (/dev/zero) are read to their end.
            if (split.Start != 0)
            {
                file.Dispose();
                _done = true;
                return;
            }

            _ownedStream = new FileStream(file, FileAccess.Read, bufferSize: 1);
            _stream = _ownedStream;
            if (!seekable && CancellationToken.CanBeCanceled)
            {
                _pipe = new PipeReadAhead(_ownedStream);
            }

            _readingStream = true;
            _end = long.MaxValue;
            _dataEnd = long.MaxValue;
            SkipByteOrderMark();
            return;
        }

        _file = file;
        if (split.Start == 0)
        {
            SkipByteOrderMark();
        }
        else
        {
            // Start one byte early: consuming the line that byte belongs to (with its terminator) lands exactly
            // on the first line start at or after split.Start.
            _bufferOffset = split.Start - 1;
            SkipPartialLine();
        }
    }

    // A gzip file has no offsets to start at: its one split (TextSource.CreateSplits) reads it whole, as a stream of its
    // text, up to the length it had when its source was made. A split made by hand that starts past 0 is an error, not
    // a silently empty split.
    private void OpenCompressed(TextSplit split)
    {
        if (split.Start != 0)
        {
            throw TextSourceException.For(
                string.Create(CultureInfo.InvariantCulture, $"is gzip-compressed, so it is read whole by one split from its start, not from byte {split.Start:N0}"),
                split.Path);
        }

        // Decompressed on a thread of its own, a few chunks ahead of the lines mapped here, so inflating and mapping
        // overlap (a pipe named *.gz is waited for there too, so an idle writer cannot hold a cancelled run). The
        // thread owns the decompressor and the file, and disposes them after its last read.
        SafeFileHandle file = OpenFile(split.Path);
        _gzip = new GzipReadStream(new FileStream(file, FileAccess.Read, bufferSize: 0), split.FileLength > 0 ? split.FileLength : long.MaxValue);
        _decompressed = new PipeReadAhead(_gzip, ownsStream: true).AsStream(CancellationToken);
        _stream = _decompressed;
        _compressed = true;
        _readingStream = true;
        _end = long.MaxValue;
        _dataEnd = long.MaxValue;
        SkipByteOrderMark();
    }

    /// <summary>
    /// Starts reading all lines of <paramref name="stream"/> from its current position as a single split (for
    /// example standard input; it need not be seekable). The stream is not disposed by the reader.
    /// </summary>
    /// <param name="stream">A readable stream.</param>
    /// <param name="name">The name used for the stream in messages, such as <c>-</c> for standard input.</param>
    public void Reset(Stream stream, string name = "-")
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream is not readable.", nameof(stream));
        }

        Begin(new TextSplit(0, name, 0, long.MaxValue), name);
        _stream = stream;
        _readingStream = true;
        _resetting = true;
        try
        {
            SkipByteOrderMark();
        }
        finally
        {
            _resetting = false;
        }
    }

    /// <summary>Reads the next owned line.</summary>
    /// <param name="line">The line without its terminator; valid until the next call on this reader.</param>
    /// <returns><see langword="false"/> when the split has no more lines.</returns>
    public bool TryReadLine(out ReadOnlySpan<char> line) => TryReadLine(out line, out _);

    /// <summary>Reads the next owned line.</summary>
    /// <param name="line">The line without its terminator; valid until the next call on this reader.</param>
    /// <param name="lineStartOffset">
    /// The byte offset in the file where the line starts (0 for the first line, even after a byte order mark); pass it
    /// to <see cref="TextSource.CountLineNumber"/> for the line number.
    /// </param>
    /// <returns><see langword="false"/> when the split has no more lines.</returns>
    /// <exception cref="TextSourceException">
    /// The line is longer than <see cref="MaxLineChars"/> characters, the longest string .NET can hold; the message
    /// and <see cref="TextSourceException.LineNumber"/> name the line. A further call goes on with the next line.
    /// </exception>
    /// <exception cref="OperationCanceledException"><see cref="CancellationToken"/> was cancelled.</exception>
    public bool TryReadLine(out ReadOnlySpan<char> line, out long lineStartOffset)
    {
        line = default;
        lineStartOffset = 0;
        ReleaseLongLineChars();
        if (_skipRestOfLine)
        {
            SkipRestOfLine();
        }

        if (!TryStartLine(out long start))
        {
            return false;
        }

        // Set before the line is read, so that a caller that catches a failure of this call knows the line.
        lineStartOffset = start;
        _lineStart = start;
        int charCount = 0;
        bool measured = false;
        while (true)
        {
            var span = _bytes.AsSpan(_head, _tail - _head);
            int terminator = span.IndexOfAny((byte)'\n', (byte)'\r');
            if (terminator >= 0)
            {
                Decode(span[..terminator], isFinalBlock: true, ref charCount);
                CheckLineLength(charCount, _maxLineChars, countedLines: true);
                _skipLf = span[terminator] == (byte)'\r';
                _head += terminator + 1;
                break;
            }

            if (!measured && _file is not null)
            {
                // A line longer than the buffer: find where it ends first (reading ahead costs less than growing the
                // character buffer step by step, which held up to ~3 times the line at once), then decode it into a
                // buffer of that size.
                measured = true;
                // (No more than the limit can need: a UTF-8 byte gives at most one UTF-16 character, three bytes at least one.)
                long end = FindLineEnd(_bufferOffset + _tail, _lineStart + (3L * _maxLineChars) + 4);
                if (end - _lineStart > 3L * _maxLineChars)
                {
                    // Too long whatever its characters: no need to decode it to know.
                    CheckLineLength(end - _lineStart, 3 * (long)_maxLineChars, countedLines: true, reportedLimit: _maxLineChars);
                }

                EnsureCharCapacity(charCount, charCount + Math.Min(end - (_bufferOffset + _head), (long)_maxLineChars + 1));
            }

            // The line goes on past the buffer: decode what is here (keeping an incomplete UTF-8 sequence at the
            // end for the next round) and read on.
            _head += Decode(span, isFinalBlock: false, ref charCount);
            CheckLineLength(charCount, _maxLineChars, countedLines: true);
            CancellationToken.ThrowIfCancellationRequested();
            if (!Fill())
            {
                Decode(_bytes.AsSpan(_head, _tail - _head), isFinalBlock: true, ref charCount);
                CheckLineLength(charCount, _maxLineChars, countedLines: true);
                _head = _tail;
                break;
            }
        }

        _linesRead++;
        line = _chars.AsSpan(0, charCount);
        return true;
    }

    /// <summary>
    /// Reads the next block of whole owned lines as raw UTF-8 bytes, without decoding them: as many complete lines as
    /// the byte buffer holds (at least one; the buffer grows for a line longer than it), each with its terminator
    /// except possibly the last line of the data. A byte order mark at the start of a file is not part of the block.
    /// Bytes are not validated as UTF-8, and <see cref="LinesRead"/> does not count these lines.
    /// </summary>
    /// <param name="lines">The lines; valid until the next call on this reader.</param>
    /// <param name="blockStartOffset">The byte offset in the file where the block's first line starts (0 for the first line, even after a byte order mark).</param>
    /// <returns><see langword="false"/> when the split has no more lines.</returns>
    public bool TryReadLines(out ReadOnlySpan<byte> lines, out long blockStartOffset)
    {
        lines = default;
        blockStartOffset = 0;
        if (!TryStartLine(out long start))
        {
            return false;
        }

        _lineStart = start;

        // Find the last usable terminator in the buffer, reading on (and growing the buffer) while there is none. A
        // '\r' that is the buffer's last byte may be the first half of "\r\n": it ends a block only at the data's end.
        // Bytes already searched (`searched`, from _head) hold no terminator but that '\r', so each read's bytes are
        // searched once: a line far longer than the buffer costs time linear in its length, whatever the reads' sizes.
        int last;
        int searched = 0;
        while (true)
        {
            ReadOnlySpan<byte> buffered = _bytes.AsSpan(_head, _tail - _head);
            last = Search(buffered, searched, buffered.Length);
            if (last >= 0 && last == buffered.Length - 1 && buffered[last] == (byte)'\r')
            {
                int before = Search(buffered, searched, last);
                if (before >= 0)
                {
                    last = before;
                    break;
                }
            }
            else if (last >= 0)
            {
                break;
            }

            int lastRelative = last;
            searched = last >= 0 ? last : buffered.Length;
            if (!ReadMore())
            {
                if (lastRelative >= 0)
                {
                    last = lastRelative; // the data ends with that '\r'
                    break;
                }

                // The data ends inside this (last) line: hand out the rest.
                lines = _bytes.AsSpan(_head, _tail - _head);
                NoteInvalidUtf8(lines);
                blockStartOffset = start;
                _head = _tail;
                _done = true;
                return true;
            }
        }

        int blockEnd = _head + last; // index of the block's last terminator
        if (!_readingStream && _bufferOffset + blockEnd >= _end - 1)
        {
            // Lines starting at or after the split's end are not owned: cut after the first terminator at or past
            // the byte before the end (the line after it starts at or after the end).
            int from = (int)Math.Max(_head, _end - 1 - _bufferOffset);
            blockEnd = from + _bytes.AsSpan(from, blockEnd + 1 - from).IndexOfAny((byte)'\n', (byte)'\r');
            if (_bytes[blockEnd] == (byte)'\r' && blockEnd == _tail - 1)
            {
                // Whether a '\n' follows decides where the terminator ends.
                int relative = blockEnd - _head;
                ReadMore();
                blockEnd = _head + relative;
            }

            if (_bytes[blockEnd] == (byte)'\r' && blockEnd + 1 < _tail && _bytes[blockEnd + 1] == (byte)'\n')
            {
                blockEnd++;
            }
        }

        lines = _bytes.AsSpan(_head, blockEnd + 1 - _head);
        NoteInvalidUtf8(lines);
        blockStartOffset = start;
        _skipLf = _bytes[blockEnd] == (byte)'\r';
        _head = blockEnd + 1;
        return true;
    }

    /// <summary>Bytes looked at while searching blocks for line ends (for tests: the search is linear in the data).</summary>
    internal long BytesSearched { get; private set; }

    // The index of the last line terminator in buffered[from..to], or -1.
    private int Search(ReadOnlySpan<byte> buffered, int from, int to)
    {
        BytesSearched += to - from;
        int found = buffered[from..to].LastIndexOfAny((byte)'\n', (byte)'\r');
        return found < 0 ? -1 : from + found;
    }

    // Reads more bytes after the unconsumed ones, growing the buffer when they fill it. False at the end of the data.
    private bool ReadMore()
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (_head == 0 && _tail == Math.Min(_bytes.Length, _readLimit))
        {
            GrowForLongLine();
        }

        return Fill();
    }

    /// <summary>Closes the current file and gives the buffers back to the pool.</summary>
    // Blocks are handed out as they are, but ill-formed UTF-8 is still noticed (SawInvalidUtf8), as the decoding path
    // notices it: one vectorised check per block, until the first ill-formed block.
    private void NoteInvalidUtf8(ReadOnlySpan<byte> block)
    {
        if (!_sawInvalid && !Utf8.IsValid(block))
        {
            _sawInvalid = true;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _done = true;
        CloseSource();
        ArrayPool<byte>.Shared.Return(_bytes);
        if (_chars.Length <= RetainedCharBufferSize)
        {
            ArrayPool<char>.Shared.Return(_chars); // a larger one was allocated for a long line, not rented
        }

        _bytes = [];
        _chars = [];
    }

    internal static SafeFileHandle OpenFile(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw TextSourceException.For("no such file or directory", path, e);
        }
        catch (Exception e) when (e is (IOException or UnauthorizedAccessException) and not TextSourceException)
        {
            throw TextSourceException.CannotRead(path, e);
        }
    }

    private void Begin(TextSplit split, string path)
    {
        CloseSource();
        Split = split;
        _path = path;
        _start = split.Start;
        _end = split.Start + split.Length;
        _dataEnd = split.FileLength > 0 ? split.FileLength : long.MaxValue;
        _maxLineChars = MaxLineCharsOverride > 0 ? MaxLineCharsOverride : split.MaxLineChars > 0 ? split.MaxLineChars : MaxLineChars;
        _maxLineBytes = split.MaxLineBytes > 0 ? split.MaxLineBytes : MaxLineBytes;
        _lineStart = split.Start;
        _bufferOffset = split.Start;
        _head = 0;
        _tail = 0;
        _sourceEnded = false;
        _done = false;
        _atFirstLine = split.Start == 0;
        _skipLf = false;
        _skipRestOfLine = false;
        _sawInvalid = false;
        _linesRead = 0;
        _readingStream = false;
        _compressed = false;
        if (_readLimit != _bufferSize)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = ArrayPool<byte>.Shared.Rent(_bufferSize);
            _readLimit = _bufferSize;
        }

        ReleaseLongLineChars();
    }

    // A character buffer grown for a long line is dropped (not pooled) before the next line, so its memory is freed.
    private void ReleaseLongLineChars()
    {
        if (_chars.Length > RetainedCharBufferSize)
        {
            _chars = ArrayPool<char>.Shared.Rent(_bufferSize);
        }
    }

    private void SkipByteOrderMark()
    {
        while (_tail - _head < 3 && Fill())
        {
        }

        if (_bytes.AsSpan(_head, _tail - _head).StartsWith("\uFEFF"u8))
        {
            _head += 3;
        }
    }

    // Consumes the rest of the line that the byte at the current position belongs to, with its terminator. If the
    // line start after it cannot be owned (no terminator before the split's last byte), the split owns nothing.
    private void SkipPartialLine()
    {
        while (true)
        {
            if (_head == _tail && !Fill())
            {
                Finish();
                return;
            }

            var span = _bytes.AsSpan(_head, _tail - _head);
            int terminator = span.IndexOfAny((byte)'\n', (byte)'\r');
            if (terminator >= 0)
            {
                if (_bufferOffset + _head + terminator >= _end - 1)
                {
                    Finish(); // the next line starts at or after the end
                    return;
                }

                _skipLf = span[terminator] == (byte)'\r';
                _head += terminator + 1;
                return;
            }

            _head = _tail;
            if (_bufferOffset + _tail >= _end - 1)
            {
                Finish(); // every byte that could end the partial line in time has been seen
                return;
            }
        }
    }

    // Decodes bytes into _chars at charCount. Returns the bytes consumed: all of them when isFinalBlock, otherwise
    // all but an incomplete (so far valid) UTF-8 sequence at the end.
    private int Decode(ReadOnlySpan<byte> source, bool isFinalBlock, ref int charCount)
    {
        EnsureCharCapacity(charCount, charCount + source.Length); // UTF-16 never needs more units than UTF-8 bytes
        int consumed = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(
                source, _chars.AsSpan(charCount), out int read, out int written, replaceInvalidSequences: false, isFinalBlock);
            charCount += written;
            consumed += read;
            source = source[read..];
            if (status != OperationStatus.InvalidData || charCount == _chars.Length)
            {
                // Done, or NeedMoreData (an incomplete sequence at the end of a non-final block), or DestinationTooSmall:
                // the buffer holds one character more than the longest line, so the line is too long (the caller checks).
                return consumed;
            }

            // Replace the maximal invalid subsequence with one U+FFFD, as Encoding.UTF8 does.
            var runeStatus = Rune.DecodeFromUtf8(source, out _, out int invalidLength);
            if (runeStatus == OperationStatus.NeedMoreData && !isFinalBlock)
            {
                return consumed;
            }

            _sawInvalid = true;
            invalidLength = Math.Max(invalidLength, 1);
            _chars[charCount++] = '\uFFFD';
            consumed += invalidLength;
            source = source[invalidLength..];
        }
    }

    // A block needs a whole line in the buffer: when one line fills it, grow it to hold the line (a file: measured by
    // reading ahead to its end, so the buffer grows once; a stream: doubled).
    private void GrowForLongLine()
    {
        // The buffer holds the start of one line and more of it is to come: it needs at least one byte more.
        CheckLineLength(_tail + 1L, _maxLineBytes, countedLines: false);
        long wanted = 2L * _readLimit;
        if (_file is not null)
        {
            // The line with its terminator, and the byte after it (a '\n' completing "\r\n"); a line that cannot fit
            // fails now, before a buffer is grown for it.
            long lineBytes = FindLineEnd(_bufferOffset + _tail, _bufferOffset + (long)_maxLineBytes) - _bufferOffset + 1;
            CheckLineLength(lineBytes, _maxLineBytes, countedLines: false);
            wanted = Math.Max(wanted, lineBytes + 1);
        }

        int size = (int)Math.Min(_maxLineBytes, wanted);
        byte[] larger = ArrayPool<byte>.Shared.Rent(size);
        _bytes.AsSpan(0, _tail).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = larger;
        _readLimit = size;
    }

    private void EnsureCharCapacity(int used, long needed)
    {
        if (needed <= _chars.Length)
        {
            return;
        }

        // Doubling, but never past what the line can need: one character more than the limit (a full buffer then
        // stops the decoding and the line is known to be too long) and, in a file, one character per byte left in the
        // file after the line's start.
        long cap = _maxLineChars + 1L;
        if (_file is not null && _dataEnd != long.MaxValue)
        {
            cap = Math.Min(cap, Math.Max(_dataEnd - _lineStart, used + 1L));
        }

        long size = Math.Min(cap, Math.Max(needed, 2L * _chars.Length));
        if (size <= _chars.Length)
        {
            return;
        }

        char[] larger = size <= RetainedCharBufferSize
            ? ArrayPool<char>.Shared.Rent((int)size)
            : GC.AllocateUninitializedArray<char>((int)size);
        _chars.AsSpan(0, used).CopyTo(larger);
        if (_chars.Length <= RetainedCharBufferSize)
        {
            ArrayPool<char>.Shared.Return(_chars);
        }

        _chars = larger;
    }

    /// <summary>
    /// The offset of the first line terminator at or after <paramref name="from"/> in the file, or the end of the data
    /// (or <paramref name="stopAt"/>): where the line being read ends. Reads ahead without disturbing the buffer (a
    /// file only).
    /// </summary>
    private long FindLineEnd(long from, long stopAt)
    {
        stopAt = Math.Min(stopAt, _dataEnd);
        byte[] scratch = ArrayPool<byte>.Shared.Rent(DefaultBufferSize);
        try
        {
            long offset = from;
            while (offset < stopAt)
            {
                CancellationToken.ThrowIfCancellationRequested();
                int want = (int)Math.Min(scratch.Length, stopAt - offset);
                int read = RandomAccess.Read(_file!, scratch.AsSpan(0, want), offset);
                if (read <= 0)
                {
                    break;
                }

                int terminator = scratch.AsSpan(0, read).IndexOfAny((byte)'\n', (byte)'\r');
                if (terminator >= 0)
                {
                    return offset + terminator;
                }

                offset += read;
            }

            return offset;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// Throws the one-line error for a line longer than <paramref name="limit"/> (characters for a line, bytes for a
    /// block), naming the file and the line, once <paramref name="length"/> passes it. The split is then finished: its
    /// other lines are not read.
    /// </summary>
    private void CheckLineLength(long length, long limit, bool countedLines, long? reportedLimit = null)
    {
        if (length <= limit)
        {
            return;
        }

        limit = reportedLimit ?? limit;

        long? number = countedLines && (_readingStream || _start == 0) ? _linesRead + 1
            : _lineStart == 0 ? 1
            : CountFromFile(_lineStart);
        string where = number is long n
            ? string.Create(CultureInfo.InvariantCulture, $"line {n} of '{_path}'")
            : $"a line of '{_path}'";
        string what = countedLines
            ? "characters, the longest string .NET can hold"
            : "bytes, the largest array .NET can hold";
        if (countedLines)
        {
            // A line: the reader can go on past it (the next TryReadLine skips its rest), so a caller that skips bad
            // records loses only this line.
            _skipRestOfLine = true;
        }
        else
        {
            Finish();
        }

        throw new TextSourceException(
            string.Create(CultureInfo.InvariantCulture, $"{where} is too long to read: more than {limit:N0} {what}"),
            _path,
            number);
    }

    private long? CountFromFile(long lineStart)
    {
        if (_readingStream)
        {
            return null;
        }

        try
        {
            return TextSource.CountLineNumber(_path, lineStart);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    // Moves the unconsumed bytes to the front of the buffer and reads more after them. Returns false at the end of
    // the data.
    private bool Fill()
    {
        if (_sourceEnded)
        {
            return false;
        }

        if (_head > 0)
        {
            int remaining = _tail - _head;
            _bytes.AsSpan(_head, remaining).CopyTo(_bytes);
            _bufferOffset += _head;
            _head = 0;
            _tail = remaining;
        }

        if (!_resetting)
        {
            // Once per read: a slow pipe with short lines, or a line longer than the buffer, stops promptly.
            CancellationToken.ThrowIfCancellationRequested();
        }

        int space = Math.Min(_bytes.Length, _readLimit) - _tail;
        if (space <= 0)
        {
            // Unreachable: at most three undecoded bytes are kept, and a block grows its buffer before it fills.
            throw new InvalidOperationException("The read buffer is full.");
        }

        // A file is read up to the length it had when its source was made, even if it has grown since.
        space = (int)Math.Min(space, _dataEnd - (_bufferOffset + _tail));
        // A pipe read ahead is waited for with the run's token even while resetting: its first bytes may never come.
        int read = space <= 0 ? 0
            : _file is not null ? RandomAccess.Read(_file, _bytes.AsSpan(_tail, space), _bufferOffset + _tail)
            : _pipe is not null ? _pipe.Read(_bytes.AsSpan(_tail, space), CancellationToken)
            : _decompressed is not null ? ReadCompressed(_bytes.AsSpan(_tail, space))
            : _stream!.Read(_bytes.AsSpan(_tail, space));
        if (read <= 0)
        {
            _sourceEnded = true;
            return false;
        }

        _tail += read;
        return true;
    }

    // Decompresses the next bytes; gzip data that is truncated or corrupt is an error naming the file and the line it
    // stopped in (every line before it has been handed out; nothing after it is).
    private int ReadCompressed(Span<byte> destination)
    {
        try
        {
            return _decompressed!.Read(destination);
        }
        catch (InvalidDataException corrupt)
        {
            long line = _linesRead + 1;
            throw new TextSourceException(
                string.Create(CultureInfo.InvariantCulture, $"cannot read '{_path}' as gzip at line {line:N0}: {corrupt.Message}"),
                _path,
                line);
        }
    }

    /// <summary>Moves past the rest of a line that was too long to read (without decoding it), counting it as a line.</summary>
    private void SkipRestOfLine()
    {
        _skipRestOfLine = false;
        _linesRead++;
        while (true)
        {
            ReadOnlySpan<byte> span = _bytes.AsSpan(_head, _tail - _head);
            int terminator = span.IndexOfAny((byte)'\n', (byte)'\r');
            if (terminator >= 0)
            {
                _skipLf = span[terminator] == (byte)'\r';
                _head += terminator + 1;
                return;
            }

            _head = _tail;
            if (!Fill())
            {
                return;
            }
        }
    }

    private bool Finish()
    {
        _done = true;
        CloseSource();
        return false;
    }

    /// <summary>
    /// Gets ready to read the next owned line: drops the <c>\n</c> of a <c>\r\n</c> whose <c>\r</c> ended the previous
    /// line, and finds where the line starts.
    /// </summary>
    /// <param name="start">The byte offset where the line starts (0 for the first line, even after a byte order mark).</param>
    /// <returns><see langword="false"/> when the split owns no more lines.</returns>
    private bool TryStartLine(out long start)
    {
        start = 0;
        if (_done)
        {
            return false;
        }

        if (_skipLf)
        {
            if (_head == _tail && !Fill())
            {
                return Finish();
            }

            if (_bytes[_head] == (byte)'\n')
            {
                _head++;
            }

            _skipLf = false;
        }

        start = _bufferOffset + _head;
        if (_atFirstLine)
        {
            _atFirstLine = false;
            start = 0;
        }
        else if (start >= _end)
        {
            return Finish();
        }

        // The data ends here: no line starts at its very end.
        return _head != _tail || Fill() || Finish();
    }

    private void CloseSource()
    {
        _pipe?.Dispose();
        _pipe = null;
        _file?.Dispose();
        _file = null;
        _ownedStream?.Dispose();
        _ownedStream = null;
        _decompressed?.Dispose(); // the read-ahead thread disposes the decompressor after its last read
        _decompressed = null;
        _gzip = null;
        _stream = null;
    }

    // Whether a file that can seek has no byte at offset 0 (a file of /proc or a device has some, though it reports 0).
    private static bool IsEmpty(SafeFileHandle file)
    {
        Span<byte> first = stackalloc byte[1];
        try
        {
            return RandomAccess.Read(file, first, 0) == 0;
        }
        catch (IOException)
        {
            return false; // read as a stream, which reports the error with the file's name
        }
    }

    private static bool IsSeekable(SafeFileHandle file)
    {
        try
        {
            RandomAccess.Read(file, Span<byte>.Empty, 0);
            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }
}
