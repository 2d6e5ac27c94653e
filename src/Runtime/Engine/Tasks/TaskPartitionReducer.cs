using System.Runtime.InteropServices;
using MapReduceGen.Engine.Definitions;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Output;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Engine.Spill;

namespace MapReduceGen.Engine.Tasks;

/// <summary>
/// A backend's reduce task of one partition (<see cref="JobDefinition{TKey, TValue, TOutput}.CreateReducer"/>): map
/// outputs kept by map task id as they are added (pieces of a table, decoded; sorted runs of a task that spilled, as
/// bytes), moved to local disk as sorted runs when they outgrow the task's memory budget; when complete, reduced by the
/// job's <typeparamref name="TReducer"/> in map task order (so the output does not depend on arrival order), exactly as
/// the local runner reduces a partition: with the run's parameters, in key order when the job sorts by key, then in the
/// job's output order. Pieces alone are merged in a table; anything sorted or on disk is merged as sorted runs. The
/// partition's output is then encoded for the client or written as a file.
/// </summary>
internal sealed class TaskPartitionReducer<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult>(
    JobSpec<TKey, TValue, TResult> spec, int partition, TaskSettings settings, bool writesRecords) : PartitionReducer
    where TJob : struct, IKeyedJob<TKey>
    where TSide : IMapSide<TValue, TSlot>
    where TReducer : IReducer<TKey, TValue, TSlot, TResult>
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, Received> _received = [];
    private readonly long _budget = settings.ResolveMemoryBudget();
    private SpillFolder? _folder;
    private long _held;
    private long _spilled;
    private string? _ended;

    public override int Partition => partition;

    public override void Add(int mapTaskId, ReadOnlyMemory<byte> output)
    {
        Received received = !output.IsEmpty && output.Span[0] == PieceFormat.SortedRun
            ? Received.Sorted(output)
            : Received.Of(StoredKeyDispatch.Run<TJob, TKey, object, Decoder>(new Decoder(spec, output, settings.Codec)), output.Length);
        lock (_gate)
        {
            ThrowIfEnded();
            if (_received.Remove(mapTaskId, out Received earlier))
            {
                _held -= earlier.HeldBytes;
            }

            _received[mapTaskId] = received;
            _held += received.HeldBytes;
            if (_held > _budget)
            {
                StoredKeyDispatch.Run<TJob, TKey, bool, Mover>(new Mover(this));
            }
        }
    }

    public override ReduceTaskResult Complete(PartitionFileTarget? file, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // A second Complete, or one after Dispose, would reduce nothing and return an empty partition as if it were the
            // partition's output: a backend's bug that would lose keys without a word.
            ThrowIfEnded();
            _ended = "completed";
            var received = new List<Received>(_received.Values);
            _received.Clear();
            _held = 0;
            return StoredKeyDispatch.Run<TJob, TKey, ReduceTaskResult, Reduction>(new Reduction(this, received, file, cancellationToken));
        }
    }

    protected override void Dispose(bool disposing)
    {
        lock (_gate)
        {
            _ended ??= "disposed";
            _received.Clear();
            _folder?.Dispose();
            _folder = null;
        }

        base.Dispose(disposing);
    }

    // An output added, or a reduce asked for, after the task completed or was disposed: an error, never an output silently
    // dropped (or a spill folder made that nothing would remove).
    private void ThrowIfEnded()
    {
        if (_ended is { } ended)
        {
            throw new InvalidOperationException($"The reduce task of partition {partition} was {ended}: create a new PartitionReducer to reduce it again.");
        }
    }

    private ReduceTaskResult Complete<TStored, TOps>(List<Received> received, PartitionFileTarget? file, CancellationToken cancellationToken)
        where TOps : struct, IKeyOps<TStored>
    {
        try
        {
            (byte[]? parameters, TKey[]? splitPoints) = RunDataEncoding.Decode(settings.RunData.Span, spec.Codecs, settings.Codec);
            TaskContext context = spec.Parameters.Decode(settings.Codec, parameters);
            JobLayout<TKey, TValue, TResult> layout = spec.Layout;
            KeyComparison<TKey> keyOrder = KeyComparison<TKey>.Of<TJob>(layout.HasKeyComparer);
            using var state = new RunState(spec.Name, new MapReduceOptions(), cancellationToken);
            var scope = new ReduceScope<TKey, TValue>(state, context, layout.SortByKey ? keyOrder : null, layout.ValueComparer, writesRecords);
            var settingsOfOutput = new OutputSettings<TKey, TResult>(keyOrder, layout.SortByKey, layout.OutputComparer, null);
            bool merge = received.Any(r => r.Piece is null);
            PartitionResult<TStored, TSlot, TOps, TResult>? result = null;
            PartitionFileWriter<TKey, TValue, TResult>? streamed = null;
            try
            {
                if (!merge)
                {
                    Piece<TStored, TSlot, TValue>[] pieces = [.. received.Select(r => (Piece<TStored, TSlot, TValue>)r.Piece!)];
                    result = TReducer.Reduce<TStored, TOps>(pieces, default, scope);
                }
                else if (file is not null && layout.OutputComparer is null)
                {
                    // Sorted runs straight into the file, key by key: the partition is never held whole.
                    streamed = new PartitionFileWriter<TKey, TValue, TResult>(file, partition, spec.Codecs, settings.Codec, spec.Name);
                    MergeInto<TStored, TOps>(received, scope, new FileWriterAdapter<TStored>(streamed));
                }
                else
                {
                    var writer = new TablePartitionWriter<TStored, TSlot, TOps, TResult>(default, writesRecords, settings.ResolveOutputLimit(), spec.Name);
                    MergeInto<TStored, TOps>(received, scope, writer);
                    result = writer.Complete();
                }

                if (result is not null)
                {
                    // Map tasks on other machines chose this partition for each key: a partitioner or key order that now
                    // answers differently would have split a key's values between partitions.
                    PartitionSelector<TStored>? selector = layout.Partitioner is { } partitioner
                        ? new CustomPartitionSelector<TKey, TStored>(partitioner)
                        : splitPoints is not null ? new RangePartitionSelector<TKey, TStored>(splitPoints, keyOrder) : null;
                    if (selector is not null)
                    {
                        PartitionCheck.Verify<TKey, TStored, TSlot, TOps>(result.Keys, partition, settings.PartitionCount, selector);
                    }

                    PartitionOutputOrder.Apply(result, settingsOfOutput);
                }
            }
            catch (KeyFailure failure)
            {
                streamed?.Dispose();
                context.EndTask();
                return new ReduceTaskResult
                {
                    Failure = TaskFailures.From(failure.ToException(spec.Name, MapReducePhase.Reduce, "the reducer threw"), spec.Codecs, settings.Codec),
                };
            }
            catch (MapReduceException failure)
            {
                streamed?.Dispose();
                context.EndTask();
                return new ReduceTaskResult { Failure = TaskFailures.From(failure, spec.Codecs, settings.Codec) };
            }
            catch
            {
                context.EndTask();
                throw;
            }

            // The reduce task's state (the job's [TaskSetup]) ends with its partition.
            if (context.EndTask() is { } endFailure)
            {
                streamed?.Dispose();
                MapReduceException failure = MapReduceException.ForCallback(spec.Name, MapReducePhase.Reduce, null, "the task state's Dispose threw", endFailure);
                return new ReduceTaskResult { Failure = TaskFailures.From(failure, spec.Codecs, settings.Codec) };
            }

            cancellationToken.ThrowIfCancellationRequested();
            state.ThrowIfStopped();
            IReadOnlyDictionary<string, long> counters = context.Counters.ToDictionary();
            if (streamed is not null)
            {
                using (streamed)
                {
                    MapReduceOutputFile written = streamed.Complete();
                    return new ReduceTaskResult { Count = written.Records, File = written, Counters = counters, BytesSpilled = _spilled };
                }
            }

            (TKey[]? outputKeys, TResult[] items) = PartitionItems.Of<TKey, TStored, TSlot, TOps, TResult>(result!);
            if (file is not null)
            {
                using var writer = new PartitionFileWriter<TKey, TValue, TResult>(file, partition, spec.Codecs, settings.Codec, spec.Name);
                for (int i = 0; i < items.Length; i++)
                {
                    if (outputKeys is null)
                    {
                        writer.WriteRecord(items[i]);
                    }
                    else
                    {
                        writer.Write(outputKeys[i], items[i]);
                    }
                }

                MapReduceOutputFile written = writer.Complete();
                return new ReduceTaskResult { Count = items.Length, File = written, Counters = counters, BytesSpilled = _spilled };
            }

            return new ReduceTaskResult
            {
                Output = OutputEncoding.Encode(outputKeys, items, spec.Codecs, settings.Codec),
                Count = items.Length,
                Counters = counters,
                BytesSpilled = _spilled,
            };
        }
        finally
        {
            Dispose(true);
        }
    }

    // A k-way merge of the received outputs in map task order: sorted runs in memory or on disk, and pieces sorted here.
    private long MergeInto<TStored, TOps>(List<Received> received, ReduceScope<TKey, TValue> scope, IPartitionWriter<TStored, TResult> writer)
        where TOps : struct, IKeyOps<TStored>
    {
        MergeOrder<TKey, TStored> order = Order<TStored>();
        ValueCodec<TSlot> slotCodec = spec.Codecs.Slot<TSlot>()
            ?? throw MapReduceException.ForSpill(spec.Name, "(reduce task)", new NotSupportedException($"{typeof(TSlot)} has no codec."), MapReducePhase.Reduce);
        received = NarrowOnDisk<TStored, TOps>(received, order, slotCodec, scope.State);
        var sources = new List<MergeSource<TStored, TSlot, TValue>>();
        try
        {
            foreach (Received item in received)
            {
                if (item.Piece is Piece<TStored, TSlot, TValue> piece)
                {
                    sources.Add(new MemorySource<TStored, TSlot, TValue>(piece, order.Sort(piece.EntryArray, piece.Start, piece.Length)));
                }
                else if (item.Path is { } path)
                {
                    sources.Add(new FileSource<TKey, TStored, TSlot, TValue, TResult>(path, 0, item.FileLength, spec.Codecs, slotCodec, TSide.KeepsValues, spec.Name));
                }
                else if (MemoryMarshal.TryGetArray(item.Bytes, out ArraySegment<byte> segment))
                {
                    // After the format byte.
                    sources.Add(new BytesSource<TKey, TStored, TSlot, TValue, TResult>(
                        segment.Array!, segment.Offset + 1, segment.Count - 1, spec.Codecs, slotCodec, TSide.KeepsValues, spec.Name));
                }
            }

            return MergedReduce<TKey, TValue, TSlot, TReducer, TResult>.Run(sources, order, default(TOps), scope, writer, _budget);
        }
        finally
        {
            foreach (MergeSource<TStored, TSlot, TValue> source in sources)
            {
                source.Dispose();
            }
        }
    }

    // Outputs moved to disk, more map tasks' worth than a merge reads at once: merged in groups of consecutive ones first
    // (map task order, so a key's values keep their order), a few files at a time. Only consecutive outputs may be merged,
    // so those still in memory go to disk too. For a combiner with a grouping reducer, which sees one combined value per map
    // task, the groups keep each task's row apart instead of combining them.
    private List<Received> NarrowOnDisk<TStored, TOps>(List<Received> received, MergeOrder<TKey, TStored> order, ValueCodec<TSlot> slotCodec, RunState state)
        where TOps : struct, IKeyOps<TStored>
    {
        const int max = RunNarrowing<TKey, TValue, TSlot, TSide, TResult>.MaxOpenRuns;
        if (received.Count(r => r.Path is not null) <= max)
        {
            return received;
        }

        SpillFolder folder = _folder ??= SpillFolder.Create(settings.SpillDirectory, spec.Name);
        var sections = new List<RunSection>(received.Count);
        for (int i = 0; i < received.Count; i++)
        {
            Received item = received[i].Path is null ? ToDisk<TStored>(received[i], folder.NewFile($"r{partition}-m{i}"), order, slotCodec) : received[i];
            sections.Add(new RunSection(item.Path!, 0, item.FileLength));
        }

        List<RunSection> narrowed = RunNarrowing<TKey, TValue, TSlot, TSide, TResult>.Narrow<TStored, TOps>(
            sections, max, order, spec.Codecs, slotCodec, _budget, () => folder.NewFile($"r{partition}-merged"), () => state.StopRequested, spec.Name,
            combine: !TReducer.SeesEachSlot);
        return [.. narrowed.Select(section => Received.OnDisk(section.Path, section.Length))];
    }

    private MergeOrder<TKey, TStored> Order<TStored>() =>
        spec.Layout.SortByKey
            ? MergeOrder<TKey, TStored>.ByKeyOrder(KeyComparison<TKey>.Of<TJob>(spec.Layout.HasKeyComparer))
            : MergeOrder<TKey, TStored>.ByHash();

    // The memory budget is reached: every output held in memory goes to local disk as a sorted run (called under the lock).
    private void MoveToDisk<TStored, TOps>()
        where TOps : struct, IKeyOps<TStored>
    {
        _folder ??= SpillFolder.Create(settings.SpillDirectory, spec.Name);
        MergeOrder<TKey, TStored> order = Order<TStored>();
        foreach (int task in _received.Keys.ToArray())
        {
            Received item = _received[task];
            if (item.Path is not null)
            {
                continue;
            }

            _received[task] = ToDisk<TStored>(item, _folder.NewFile($"r{partition}-t{task}"), order, spec.Codecs.Slot<TSlot>()!);
        }

        _held = 0;
    }

    // One output in memory written to local disk as a sorted run (a piece sorted here, a sorted run's bytes as they are).
    private Received ToDisk<TStored>(Received item, string path, MergeOrder<TKey, TStored> order, ValueCodec<TSlot> slotCodec)
    {
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            if (item.Piece is Piece<TStored, TSlot, TValue> piece)
            {
                var buffer = new ValueWriter(1 << 16);
                var row = new ValueWriter();
                foreach (int entry in order.Sort(piece.EntryArray, piece.Start, piece.Length))
                {
                    RunRows.Write(buffer, row, piece.EntryArray[entry], TSide.KeepsValues ? piece.ValuesOf(entry) : default, spec.Codecs, slotCodec);
                    if (buffer.Length >= 1 << 16)
                    {
                        file.Write(buffer.WrittenSpan);
                        buffer.Clear();
                    }
                }

                file.Write(buffer.WrittenSpan);
            }
            else
            {
                file.Write(item.Bytes.Span[1..]);
            }

            _spilled += file.Length;
            return Received.OnDisk(path, file.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw MapReduceException.ForSpill(spec.Name, path, e, MapReducePhase.Reduce);
        }
    }

    /// <summary>One map task's output for the partition: a decoded piece, a sorted run's bytes, or a sorted run on local disk.</summary>
    private readonly record struct Received(object? Piece, ReadOnlyMemory<byte> Bytes, string? Path, long FileLength, long HeldBytes)
    {
        public static Received Of(object piece, long bytes) => new(piece, default, null, 0, bytes);

        public static Received Sorted(ReadOnlyMemory<byte> bytes) => new(null, bytes, null, 0, bytes.Length);

        public static Received OnDisk(string path, long length) => new(null, default, path, length, 0);
    }

    private sealed class FileWriterAdapter<TStored>(PartitionFileWriter<TKey, TValue, TResult> file) : IPartitionWriter<TStored, TResult>
    {
        public void Write(in TStored key, int stableHash, TResult result) => file.Write(StoredKeys.ToKey<TKey, TStored>(key), result);

        public void WriteRecords(List<TResult> records)
        {
            foreach (TResult record in records)
            {
                file.WriteRecord(record);
            }
        }
    }

    private readonly struct Decoder(JobSpec<TKey, TValue, TResult> spec, ReadOnlyMemory<byte> output, IPayloadCodec codec) : IStoredKeyAction<object>
    {
        public object Run<TStored, TOps>()
            where TOps : struct, IKeyOps<TStored> =>
            PieceEncoding.Decode<TKey, TStored, TSlot, TValue, TResult>(output, TSide.KeepsValues, spec.Codecs, codec);
    }

    private readonly struct Mover(TaskPartitionReducer<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult> reducer) : IStoredKeyAction<bool>
    {
        public bool Run<TStored, TOps>()
            where TOps : struct, IKeyOps<TStored>
        {
            reducer.MoveToDisk<TStored, TOps>();
            return true;
        }
    }

    private readonly struct Reduction(
        TaskPartitionReducer<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult> reducer, List<Received> received, PartitionFileTarget? file,
        CancellationToken cancellationToken)
        : IStoredKeyAction<ReduceTaskResult>
    {
        public ReduceTaskResult Run<TStored, TOps>()
            where TOps : struct, IKeyOps<TStored> =>
            reducer.Complete<TStored, TOps>(received, file, cancellationToken);
    }
}
