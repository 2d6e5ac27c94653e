using MapReduceGen.Engine.Inputs;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Spill;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Map;

/// <summary>
/// One map task over one input: a local run's map worker, or a cluster map task on a silo. It drives one of the job's
/// mappers (<typeparamref name="TMapper"/>) over whatever the input hands it (chunks of a sequence, the lines of a text
/// split, UTF-8 blocks) into a <see cref="MapSink{TKey, TValue, TSlot}"/> (its table, shared by the tasks a worker runs
/// for each of the job's inputs), recording failures and skipped bad records in the run state. When the map phase ends,
/// <see cref="MapOutputBuilder"/> turns the sink's table into its partitioned output.
/// </summary>
internal sealed class MapTask<TJob, TMapper, TInput, TKey, TValue, TSlot, TSide> : IInputMapper<TInput>, IUtf8BlockMapper<TKey, TValue>
    where TJob : struct, IKeyedJob<TKey>
    where TMapper : struct, IMapFunction<TInput, TKey, TValue>
    where TSide : IMapSide<TValue, TSlot>
{
    // How often (in inputs or lines) the table's size is checked against the task's share of the memory budget.
    private const int BudgetCheckMask = 0xF;

    private readonly MapSink<TKey, TValue, TSlot> _sink;
    private readonly TaskContext _context;
    private readonly IMapSpill? _spill;
    private StagingSink<TKey, TValue>? _staging;

    /// <summary>Creates a task that maps into <paramref name="sink"/> (made for <typeparamref name="TJob"/> and <typeparamref name="TSide"/>).</summary>
    /// <param name="state">The run's state.</param>
    /// <param name="sink">The task's table.</param>
    /// <param name="context">The task's parameters and counters.</param>
    /// <param name="spill">Where the table goes when it outgrows its share of the memory budget; <see langword="null"/>: it never spills.</param>
    public MapTask(RunState state, MapSink<TKey, TValue, TSlot> sink, TaskContext context, IMapSpill? spill = null)
    {
        State = state;
        _sink = sink;
        _context = context;
        _spill = spill;
    }

    private RunState State { get; }

    public MapSink<TKey, TValue, TSlot> Sink => _sink;

    private long TakePairCount() => _sink.TakePairCount();

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
            var emitter = new Emitter<TKey, TValue>(_sink);
            for (; i < chunk.Length; i++)
            {
                if (State.StopRequested || ((i & BudgetCheckMask) == 0 && !KeepWithinBudget()))
                {
                    return;
                }

                TMapper.Map(chunk[i], emitter, _context);
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
        var emitter = new Emitter<TKey, TValue>(State.Options.MaxBadRecords > 0 ? Staging : _sink);
        long lines = 0;
        long bytesReported = 0;
        long lineStart = 0;
        try
        {
            while (true)
            {
                ReadOnlySpan<char> span;
                try
                {
                    if (!reader.TryReadLine(out span, out lineStart))
                    {
                        break;
                    }
                }
                catch (TextSourceException tooLong) when (_staging is not null)
                {
                    // A line too long to read is a bad record like any other: skipped, and the reader goes on after it.
                    lines++;
                    if (!State.TrySkip(new SkippedRecord((tooLong.LineNumber ?? 0) - 1, reader.Path, tooLong.LineNumber, tooLong)))
                    {
                        return;
                    }

                    continue;
                }

                if ((lines & BudgetCheckMask) == 0 && !KeepWithinBudget())
                {
                    return;
                }

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
                    TMapper.Map(line, emitter, _context);
                    continue;
                }

                _staging.Clear();
                try
                {
                    TMapper.Map(line, emitter, _context);
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

                _staging.ReplayInto(_sink);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            State.Fail(MapReduceException.ForFile(TJob.Name, reader.Path, ex));
        }
        catch (Exception ex)
        {
            if (_sink.TryTakeFailedCombine(out object? key))
            {
                State.Fail(MapReduceException.ForKey(TJob.Name, key, ex));
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
    /// Maps every line of the reader's split as raw UTF-8 blocks with <typeparamref name="TUtf8Mapper"/> (no decoding, no
    /// string per line). A failure names the file and the line where the failing block starts.
    /// </summary>
    public void MapUtf8Lines<TUtf8Mapper, TBlocks>(TBlocks reader)
        where TUtf8Mapper : IUtf8TextMapper<TKey, TValue>
        where TBlocks : IUtf8LineBlocks
    {
        var emitter = new Emitter<TKey, TValue>(_sink);
        long blocks = 0;
        long bytesReported = 0;
        long blockStart = 0;
        try
        {
            while (reader.TryReadLines(out ReadOnlySpan<byte> lines, out blockStart))
            {
                if (State.StopRequested || !KeepWithinBudget())
                {
                    return;
                }

                if ((++blocks & 0xF) == 0)
                {
                    long bytes = reader.BytesConsumed;
                    State.AddProgress(0, 0, bytes - bytesReported);
                    bytesReported = bytes;
                }

                TUtf8Mapper.MapLines(lines, emitter);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            State.Fail(MapReduceException.ForFile(TJob.Name, reader.Path, ex));
        }
        catch (Exception ex)
        {
            if (_sink.TryTakeFailedCombine(out object? key))
            {
                State.Fail(MapReduceException.ForKey(TJob.Name, key, ex));
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

    private StagingSink<TKey, TValue> Staging => _staging ??= new StagingSink<TKey, TValue>();

    /// <summary>
    /// Spills the task's table when it holds more than the task's share of the memory budget; false when the spill
    /// failed (the run is failed with it).
    /// </summary>
    private bool KeepWithinBudget()
    {
        if (_spill is null || _sink.Footprint <= _spill.Share || _sink.KeyCount == 0)
        {
            return true;
        }

        try
        {
            _spill.Spill();
            return true;
        }
        catch (MapReduceException failure)
        {
            State.Fail(failure);
            return false;
        }
    }

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
                if (State.StopRequested || ((i & BudgetCheckMask) == 0 && !KeepWithinBudget()))
                {
                    return;
                }

                _staging!.Clear();
                try
                {
                    TMapper.Map(chunk[i], emitter, _context);
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
                    _staging.ReplayInto(_sink);
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
        if (_sink.TryTakeFailedCombine(out object? key))
        {
            State.Fail(MapReduceException.ForKey(TJob.Name, key, ex, inputIndex));
            return;
        }

        State.Fail(MapReduceException.ForInput(TJob.Name, inputIndex, ex));
    }
}
