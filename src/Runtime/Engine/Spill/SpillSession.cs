using MapReduceGen.Engine.Definitions;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Spill;

/// <summary>
/// A local run's spilling: each worker's share of the memory budget, and when its table reaches it, the table written
/// as a sorted run (partition by partition, each in the merge order) into the run's spill folder, the table emptied and
/// the map going on. A job sorted by key gets its key ranges at the first spill (sampled from that table), so every run
/// and every worker's last table are cut at the same split points.
/// </summary>
internal sealed class SpillSession<TJob, TKey, TValue, TSlot, TSide, TResult> : IDisposable
    where TJob : struct, IKeyedJob<TKey>
    where TSide : IMapSide<TValue, TSlot>
{
    private readonly JobSpec<TKey, TValue, TResult> _spec;
    private readonly RunState _state;
    private readonly int _partitions;
    private readonly List<SpillRun>[] _runs;
    private readonly Lock _gate = new();
    private SpillFolder? _folder;
    private TKey[]? _splitPoints;
    private bool _splitsChosen;
    private long _bytes;

    public SpillSession(JobSpec<TKey, TValue, TResult> spec, RunState state, int workers, int partitions, long budget, TKey[]? splitPoints = null)
    {
        _splitPoints = splitPoints;
        _splitsChosen = splitPoints is not null;
        _spec = spec;
        _state = state;
        _partitions = partitions;
        _runs = new List<SpillRun>[workers];
        for (int w = 0; w < workers; w++)
        {
            _runs[w] = [];
        }

        // A quarter of the budget stays for the reduce side and the collector; a job that keeps values gathers them
        // into a second array when it spills, so it spills at half the share. Three quarters are taken without multiplying:
        // a budget past long.MaxValue / 3 would overflow to a negative share and spill at every check.
        long share = (budget - (budget / 4)) / workers;
        WorkerShare = TSide.KeepsValues ? share / 2 : share;
        KeyOrder = KeyComparison<TKey>.Of<TJob>(spec.Layout.HasKeyComparer);
    }

    /// <summary>The bytes one worker's table may hold before it spills.</summary>
    public long WorkerShare { get; }

    public KeyComparison<TKey> KeyOrder { get; }

    public bool HasSpilled => Volatile.Read(ref _bytes) > 0;

    /// <summary>Bytes written to spill files.</summary>
    public long BytesSpilled => Volatile.Read(ref _bytes);

    /// <summary>The split points of a job sorted by key: the run's (a backend's task), or those the first spill chose.</summary>
    public TKey[]? SplitPoints => _splitPoints;

    public IReadOnlyList<SpillRun> RunsOf(int worker) => _runs[worker];

    /// <summary>The order of rows within a partition, for this job.</summary>
    public MergeOrder<TKey, TStored> Order<TStored>() =>
        _spec.Layout.SortByKey ? MergeOrder<TKey, TStored>.ByKeyOrder(KeyOrder) : MergeOrder<TKey, TStored>.ByHash();

    /// <summary>How a table's keys are partitioned: the job's partitioner, the key ranges, or (null) the stable hash.</summary>
    public PartitionSelector<TStored>? Selector<TStored>() =>
        _spec.Layout.Partitioner is { } partitioner
            ? new CustomPartitionSelector<TKey, TStored>(partitioner)
            : _splitPoints is { } splits ? new RangePartitionSelector<TKey, TStored>(splits, KeyOrder) : null;

    /// <summary>Writes worker <paramref name="worker"/>'s table as a sorted run and empties it.</summary>
    /// <exception cref="MapReduceException">The run cannot be written (a full disk, an unwritable directory) or a type cannot be.</exception>
    public void Spill(int worker, MapSink<TKey, TValue, TSlot> sink)
    {
        if (!_spec.Codecs.CanSpill)
        {
            throw MapReduceException.ForMemory(_spec.Name, MapReducePhase.Map, null, new InsufficientMemoryException(
                $"A map task's table reached its share of the memory budget ({WorkerShare:N0} bytes), but the job cannot spill it to disk: " +
                $"{string.Join(" and ", _spec.Codecs.WithoutCodec().Where(t => t != typeof(TResult)).Select(t => t.FullName))} " +
                "has no generated codec (see docs/api.md). Raise MapReduceOptions.MemoryBudget, or use key and value types the generator can write."));
        }

        SpillFolder folder = Folder();
        ChooseSplitPoints(sink);
        SpillRun run = StoredKeyDispatch.Run<TJob, TKey, SpillRun, Writer>(new Writer(this, sink, folder.NewFile($"w{worker}")));
        _runs[worker].Add(run);
        Interlocked.Add(ref _bytes, run.Bytes);
        sink.Restart();
    }

    /// <summary>The path of a new file in the run's spill folder (runs merged to keep a merge's fan-in bounded).</summary>
    public string NewFile(string kind) => Folder().NewFile(kind);

    /// <summary>Whether the run is stopping (a failure or a cancellation).</summary>
    public bool StopRequested => _state.StopRequested;

    public void Dispose() => _folder?.Dispose();

    private SpillFolder Folder()
    {
        lock (_gate)
        {
            return _folder ??= SpillFolder.Create(_state.Options.SpillDirectory, _spec.Name);
        }
    }

    // The key ranges of a job sorted by key, fixed by the first spill from the keys of the table being spilled.
    private void ChooseSplitPoints(MapSink<TKey, TValue, TSlot> sink)
    {
        if (!_spec.RangePartitioned || _partitions == 1)
        {
            return;
        }

        lock (_gate)
        {
            if (_splitsChosen)
            {
                return;
            }

            try
            {
                _splitPoints = StoredKeyDispatch.Run<TJob, TKey, TKey[], Sampler>(new Sampler(sink, _partitions, KeyOrder));
            }
            catch (KeyFailure failure)
            {
                throw failure.ToException(_spec.Name, MapReducePhase.Reduce, "");
            }

            _splitsChosen = true;
        }
    }

    private readonly struct Writer(SpillSession<TJob, TKey, TValue, TSlot, TSide, TResult> session, MapSink<TKey, TValue, TSlot> sink, string path)
        : IStoredKeyAction<SpillRun>
    {
        public SpillRun Run<TStored, TOps>()
            where TOps : struct, IKeyOps<TStored>
        {
            MergeOrder<TKey, TStored> order = session.Order<TStored>();
            if (!TSide.KeepsValues && !order.ByKey && session.Selector<TStored>() is null)
            {
                // Partitions by stable hash, rows by mixed hash: one radix sort of the table's entries does both.
                Entry<TStored, TSlot>[] entries = sink.Table<TStored, TOps>().TakeEntries(out int count);
                return RunWriter.WriteByHash(
                    path, entries, count, session._partitions, order, session._spec.Codecs, session._spec.Codecs.Slot<TSlot>()!, session._spec.Name);
            }

            MapOutput<TStored, TSlot, TValue> output;
            try
            {
                output = MapOutputBuilder.Build(sink.Table<TStored, TOps>(), sink.Values, session._partitions, session.Selector<TStored>());
            }
            catch (KeyFailure failure)
            {
                throw failure.ToException(session._spec.Name, MapReducePhase.Map, "the partitioner threw");
            }

            return RunWriter.Write(
                path, output, session.Order<TStored>(), session._spec.Codecs, session._spec.Codecs.Slot<TSlot>()!, TSide.KeepsValues, session._spec.Name);
        }
    }

    private readonly struct Sampler(MapSink<TKey, TValue, TSlot> sink, int partitions, KeyComparison<TKey> keyOrder) : IStoredKeyAction<TKey[]>
    {
        public TKey[] Run<TStored, TOps>()
            where TOps : struct, IKeyOps<TStored>
        {
            Tables.KeyTable<TStored, TSlot, TOps> table = sink.Table<TStored, TOps>();
            var samples = new List<TKey>();
            foreach (int index in Ordering.SplitPoints.Stride(table.Count, partitions * Ordering.SplitPoints.SamplesPerPartition))
            {
                samples.Add(StoredKeys.ToKey<TKey, TStored>(table.EntryAt(index).Key));
            }

            try
            {
                return Ordering.SplitPoints.Choose(samples, partitions, keyOrder.Compare);
            }
            catch (InvalidOperationException e) when (e.InnerException is { } inner)
            {
                throw UserOrder.Threw(UserOrder.KeyComparer, null, inner);
            }
            catch (ArgumentException e)
            {
                // List.Sort's "IComparer.Compare() method returns inconsistent results".
                throw UserOrder.Inconsistent(UserOrder.KeyComparer, null, "sorting the sampled keys found it giving different answers for the same keys", e);
            }
        }
    }
}
