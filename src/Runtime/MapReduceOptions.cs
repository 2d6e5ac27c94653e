namespace MapReduceGen;

/// <summary>Settings of one run. Every setting has a sensible default; <c>null</c> options mean all defaults.</summary>
public sealed class MapReduceOptions
{
    /// <summary>
    /// The largest <see cref="PartitionCount"/>: 65,536. Every partition costs bookkeeping even when it holds no key (a
    /// table, a task context and a result on this machine, a reduce task on a cluster, a slot in every map task's
    /// partition index), about a kilobyte locally, so 65,536 partitions cost tens of megabytes before the first key,
    /// and more could never make a run faster: they are reduced by at most as many workers as there are cores (or a
    /// few per silo on a cluster).
    /// </summary>
    public const int MaxPartitionCount = 65_536;

    private int _maxDegreeOfParallelism = Environment.ProcessorCount;
    private int _partitionCount;
    private int _chunkSize;
    private TimeSpan _progressInterval = TimeSpan.FromMilliseconds(100);
    private int _maxBadRecords;
    private long _memoryBudget;

    /// <summary>
    /// How many workers map and reduce at once. Default: <see cref="Environment.ProcessorCount"/>; <c>-1</c> also
    /// means that.
    /// </summary>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        set
        {
            if (value is 0 or < -1)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(value), value, "MaxDegreeOfParallelism must be at least 1 (or -1 for the processor count).");
            }

            _maxDegreeOfParallelism = value == -1 ? Environment.ProcessorCount : value;
        }
    }

    /// <summary>
    /// How many partitions the keys are split into by their stable hash; partitions are merged and reduced in
    /// parallel. Default <c>0</c>: one for a single worker, otherwise four per worker (at most
    /// <see cref="MaxPartitionCount"/>). At most <see cref="MaxPartitionCount"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or above <see cref="MaxPartitionCount"/>.</exception>
    public int PartitionCount
    {
        get => _partitionCount;
        set => _partitionCount = value is >= 0 and <= MaxPartitionCount
            ? value
            : throw new ArgumentOutOfRangeException(
                nameof(value),
                value,
                "PartitionCount must be 0 (automatic) or from 1 to 65,536 (MapReduceOptions.MaxPartitionCount): every partition costs memory even when it holds no key, and more partitions than that cannot make a run faster.");
    }

    /// <summary>
    /// How many inputs a worker takes from the source at a time (as <c>chunksize</c> of Python's <c>Pool.map</c>). Default <c>0</c>:
    /// chosen from the input count so every worker gets work (at most 1024 inputs, 256 for sequences of unknown length).
    /// </summary>
    public int ChunkSize
    {
        get => _chunkSize;
        set => _chunkSize = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "ChunkSize must be 0 (automatic) or more.");
    }

    /// <summary>Stops the run; it then throws <see cref="OperationCanceledException"/> and returns no result.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>Receives progress reports every <see cref="ProgressInterval"/> and when a phase ends.</summary>
    public IProgress<MapReduceProgress>? Progress { get; set; }

    /// <summary>How often <see cref="Progress"/> is told about the run. Default: 100 ms.</summary>
    public TimeSpan ProgressInterval
    {
        get => _progressInterval;
        set => _progressInterval = value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "ProgressInterval must be positive.");
    }

    /// <summary>
    /// How many inputs whose mapping throws may be skipped (the MapReduce paper's bad-record skipping). Default
    /// <c>0</c>: the first failure fails the run. When above zero, a failing input's pairs are discarded, the
    /// input is listed in <see cref="MapReduceStatistics.SkippedRecords"/>, and the run fails only when more than
    /// this many inputs fail.
    /// </summary>
    public int MaxBadRecords
    {
        get => _maxBadRecords;
        set => _maxBadRecords = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxBadRecords must be 0 or more.");
    }

    /// <summary>
    /// How many bytes of memory a run may hold in its tables, values, output pieces and merge buffers before it writes
    /// map output to disk (spills) and reduces partitions by merging sorted runs. Default <c>0</c>: half of the memory
    /// .NET says this process may use (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>, which honours container
    /// limits and <c>GCHeapHardLimit</c>), so a job in a 1 GiB container works with no option set. The budget is an
    /// estimate the engine keeps to (values kept for a grouping reducer count by their size, and string values by their
    /// characters too; other objects a value references are not counted), not a hard limit: a single key's values, and a result returned whole by <c>Run</c>,
    /// must still fit in memory (stream the output or write it to files when they do not).
    /// </summary>
    public long MemoryBudget
    {
        get => _memoryBudget;
        set => _memoryBudget = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MemoryBudget must be 0 (automatic) or a number of bytes.");
    }

    /// <summary>
    /// Where a run writes its spill files, in a folder of its own that is removed when the run ends (successfully or not,
    /// and at the next run when a process died). Default <see langword="null"/>: the system's temporary folder.
    /// </summary>
    public string? SpillDirectory { get; set; }

    /// <summary>
    /// Told when each run starts and ends (for logging: the MapReduceGen.Extensions package's <c>AddMapReduce()</c> sets a
    /// logger here). Default <see langword="null"/>. Metrics and spans need no observer: see <see cref="MapReduceTelemetry"/>.
    /// </summary>
    public MapReduceRunObserver? Observer { get; set; }

    /// <summary>A copy of these options (every setting, the token, progress reporter and observer included).</summary>
    /// <returns>The copy.</returns>
    public MapReduceOptions Clone() => (MapReduceOptions)MemberwiseClone();

    /// <summary>The memory budget in bytes: the one set, or half of what the GC says this process may use.</summary>
    internal long ResolveMemoryBudget() => _memoryBudget > 0 ? _memoryBudget : DefaultMemoryBudget();

    /// <summary>
    /// How large an output <c>Run</c> may return whole: the budget, but never less than the default budget (the output is
    /// what the caller asked to hold; past this it would run the process out of memory, so the run says to stream it).
    /// </summary>
    internal long ResolveOutputLimit() => Math.Max(ResolveMemoryBudget(), DefaultMemoryBudget());

    internal static long DefaultMemoryBudget() => Math.Max(16L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2);

    internal int ResolvePartitionCount(int workers) =>
        _partitionCount > 0 ? _partitionCount : workers == 1 ? 1 : (int)Math.Min(MaxPartitionCount, workers * 4L);
}
