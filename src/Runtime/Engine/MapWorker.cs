using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace MapReduceGen;

/// <summary>
/// What fold and grouping workers share: the per-input loop that calls the job's mapper with an emitter writing
/// into this worker, failure and bad-record handling, and pair counting. Derived classes own the tables.
/// </summary>
internal abstract class MapWorker<TJob, TInput, TKey, TValue> : EmitterSink<TKey, TValue>, IInputMapper<TInput>
    where TJob : struct, IMapReduceJob<TInput, TKey, TValue>
{
    private StagingSink<TKey, TValue>? _staging;
    private char[] _keyChars = new char[128];

    protected MapWorker(RunState state, int partitionCount)
    {
        State = state;
        PartitionCount = partitionCount;
    }

    protected RunState State { get; }

    protected int PartitionCount { get; }

    /// <summary>Pairs emitted since the last <see cref="TakePairCount"/>.</summary>
    protected long PairCount { get; set; }

    public long TakePairCount()
    {
        long pairs = PairCount;
        PairCount = 0;
        return pairs;
    }

    public void MapChunk(ReadOnlySpan<TInput> chunk, long firstIndex)
    {
        if (State.Options.MaxBadRecords > 0)
        {
            MapChunkSkippingBadRecords(chunk, firstIndex);
            return;
        }

        int i = 0;
        try
        {
            var emitter = new Emitter<TKey, TValue>(this);
            for (; i < chunk.Length; i++)
            {
                if (State.StopRequested)
                {
                    return;
                }

                TJob.Map(chunk[i], emitter);
            }
        }
        catch (Exception ex)
        {
            Fail(ex, firstIndex + i);
        }
        finally
        {
            State.AddProgress(i, TakePairCount());
        }
    }

    public void MapLines(TextSplitReader reader)
    {
        var emitter = new Emitter<TKey, TValue>(State.Options.MaxBadRecords > 0 ? Staging : this);
        long lines = 0;
        long bytesReported = 0;
        long lineStart = 0;
        try
        {
            while (reader.TryReadLine(out ReadOnlySpan<char> span, out lineStart))
            {
                if ((lines & 0xFF) == 0)
                {
                    if (State.StopRequested)
                    {
                        return;
                    }

                    if ((lines & 0xFFF) == 0)
                    {
                        long bytes = reader.BytesConsumed;
                        State.AddProgress(0, 0, bytes - bytesReported);
                        bytesReported = bytes;
                    }
                }

                var line = (TInput)(object)span.ToString();
                lines++;
                if (_staging is null)
                {
                    TJob.Map(line, emitter);
                    continue;
                }

                _staging.Clear();
                try
                {
                    TJob.Map(line, emitter);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !State.CancellationToken.IsCancellationRequested)
                {
                    long? number = LineNumber(reader, lineStart);
                    if (!State.TrySkip(new SkippedRecord((number ?? 0) - 1, reader.Path, number, ex)))
                    {
                        return;
                    }

                    continue;
                }

                _staging.ReplayInto(this);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            State.Fail(MapReduceException.ForFile(TJob.Name, reader.Path, ex));
        }
        catch (Exception ex)
        {
            if (ex is CombineFailure combine)
            {
                State.Fail(MapReduceException.ForKey(TJob.Name, combine.Key, combine.InnerException!));
                return;
            }

            long? number = LineNumber(reader, lineStart);
            State.Fail(MapReduceException.ForInput(TJob.Name, (number ?? 0) - 1, ex, reader.Path, number));
        }
        finally
        {
            State.AddProgress(lines, TakePairCount(), reader.BytesConsumed - bytesReported);
        }
    }

    /// <summary>
    /// Maps every line of the reader's split as raw UTF-8 blocks with <typeparamref name="TMapper"/> (no decoding, no
    /// string per line). A failure names the file and the line where the failing block starts.
    /// </summary>
    public void MapUtf8Lines<TMapper, TBlocks>(TBlocks reader)
        where TMapper : IUtf8TextMapper<TKey, TValue>
        where TBlocks : IUtf8LineBlocks
    {
        var emitter = new Emitter<TKey, TValue>(this);
        long blocks = 0;
        long bytesReported = 0;
        long blockStart = 0;
        try
        {
            while (reader.TryReadLines(out ReadOnlySpan<byte> lines, out blockStart))
            {
                if (State.StopRequested)
                {
                    return;
                }

                if ((++blocks & 0xF) == 0)
                {
                    long bytes = reader.BytesConsumed;
                    State.AddProgress(0, 0, bytes - bytesReported);
                    bytesReported = bytes;
                }

                TMapper.MapLines(lines, emitter);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            State.Fail(MapReduceException.ForFile(TJob.Name, reader.Path, ex));
        }
        catch (Exception ex)
        {
            if (ex is CombineFailure combine)
            {
                State.Fail(MapReduceException.ForKey(TJob.Name, combine.Key, combine.InnerException!));
                return;
            }

            long? number = reader.IsFile ? LineNumberAt(reader.Path, blockStart) : null;
            State.Fail(MapReduceException.ForInput(TJob.Name, (number ?? 0) - 1, ex, reader.Path, number));
        }
        finally
        {
            State.AddProgress(0, TakePairCount(), reader.BytesConsumed - bytesReported);
        }
    }

    /// <summary>
    /// Decodes a UTF-8 key into this worker's key buffer (ASCII by widening; otherwise invalid sequences become
    /// U+FFFD, as <see cref="Encoding.UTF8"/> does). The characters are valid until the next call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected ReadOnlySpan<char> DecodeKey(ReadOnlySpan<byte> utf8Key)
    {
        char[] chars = _keyChars;
        if (utf8Key.Length <= chars.Length
            && System.Text.Ascii.ToUtf16(utf8Key, chars, out int written) == OperationStatus.Done)
        {
            return chars.AsSpan(0, written);
        }

        return DecodeNonAsciiKey(utf8Key);
    }

    private ReadOnlySpan<char> DecodeNonAsciiKey(ReadOnlySpan<byte> utf8Key)
    {
        if (_keyChars.Length < utf8Key.Length)
        {
            _keyChars = new char[Math.Max(utf8Key.Length, _keyChars.Length * 2)];
        }

        // UTF-8 never takes fewer bytes than UTF-16 takes units, even with U+FFFD replacements.
        int written = Encoding.UTF8.GetChars(utf8Key, _keyChars);
        return _keyChars.AsSpan(0, written);
    }

    private StagingSink<TKey, TValue> Staging => _staging ??= new StagingSink<TKey, TValue>();

    /// <summary>
    /// The 1-based number of the line the reader returned last: counted by the reader when its split starts the
    /// file (or is a stream), otherwise found by rereading the file's prefix (failure path only).
    /// </summary>
    private static long? LineNumber(TextSplitReader reader, long lineStart) =>
        reader.Split.Start == 0 ? reader.LinesRead : LineNumberAt(reader.Path, lineStart);

    /// <summary>The 1-based number of the line starting at a byte offset of a file (rereads the file's prefix).</summary>
    private static long? LineNumberAt(string path, long lineStart)
    {
        try
        {
            return TextSource.CountLineNumber(path, lineStart);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void MapChunkSkippingBadRecords(ReadOnlySpan<TInput> chunk, long firstIndex)
    {
        // Pairs of one input are staged and only added when its mapping succeeds, so a skipped input leaves nothing.
        var emitter = new Emitter<TKey, TValue>(Staging);
        int done = 0;
        try
        {
            for (int i = 0; i < chunk.Length; i++, done++)
            {
                if (State.StopRequested)
                {
                    return;
                }

                _staging!.Clear();
                try
                {
                    TJob.Map(chunk[i], emitter);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !State.CancellationToken.IsCancellationRequested)
                {
                    if (!State.TrySkip(new SkippedRecord(firstIndex + i, null, null, ex)))
                    {
                        return;
                    }

                    continue;
                }

                try
                {
                    _staging.ReplayInto(this);
                }
                catch (Exception ex)
                {
                    Fail(ex, firstIndex + i);
                    return;
                }
            }
        }
        finally
        {
            State.AddProgress(done, TakePairCount());
        }
    }

    private void Fail(Exception ex, long inputIndex)
    {
        if (ex is CombineFailure combine)
        {
            State.Fail(MapReduceException.ForKey(TJob.Name, combine.Key, combine.InnerException!, inputIndex));
            return;
        }

        State.Fail(MapReduceException.ForInput(TJob.Name, inputIndex, ex));
    }

    protected static void ThrowNullKey() =>
        throw new ArgumentNullException("key", "A mapper emitted a null key; keys must not be null.");
}
