using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>What every map and reduce task of a run is told besides its own input.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TaskSettings
{
    private readonly int _partitionCount = 1;

    /// <summary>The backend's serializer (parameters, batches, types without a generated codec).</summary>
    public required IPayloadCodec Codec { get; init; }

    /// <summary>The number of reduce partitions (at least 1).</summary>
    public int PartitionCount
    {
        get => _partitionCount;
        init => _partitionCount = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A run has at least one partition.");
    }

    /// <summary>The run's data (<see cref="JobRunPlan.RunData"/>): its parameters and a total order's split points.</summary>
    public ReadOnlyMemory<byte> RunData { get; init; }

    /// <summary><see cref="MapReduceOptions.MaxBadRecords"/> of the run (map tasks skip that many bad inputs each).</summary>
    public int MaxBadRecords { get; init; }

    /// <summary>
    /// The bytes one task may hold before it spills to local disk (a map task's table, a reduce task's fetched map
    /// output). Default <c>0</c>: half of what the GC says this process may use, shared by four tasks at once.
    /// </summary>
    public long MemoryBudget { get; init; }

    /// <summary>Where tasks write spill files and kept map output, on the machine that runs them; <see langword="null"/>: the temporary folder.</summary>
    public string? SpillDirectory { get; init; }

    /// <summary>The task's memory budget in bytes.</summary>
    internal long ResolveMemoryBudget() =>
        MemoryBudget > 0 ? MemoryBudget : Math.Max(16L << 20, MapReduceOptions.DefaultMemoryBudget() / 4);

    /// <summary>
    /// What a reduce task may hold of a partition it returns whole (encoded for the client): the budget, or half of what
    /// the GC says this process may use when that is more, as a local run's whole output.
    /// </summary>
    internal long ResolveOutputLimit() => Math.Max(ResolveMemoryBudget(), MapReduceOptions.DefaultMemoryBudget());
}
