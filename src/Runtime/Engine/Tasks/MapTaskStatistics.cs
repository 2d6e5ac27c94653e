using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>What one map task did.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MapTaskStatistics
{
    /// <summary>Inputs (or lines) mapped.</summary>
    public long InputsRead { get; init; }

    /// <summary>Pairs emitted.</summary>
    public long PairsEmitted { get; init; }

    /// <summary>Bytes of text read (a split's length).</summary>
    public long BytesRead { get; init; }

    /// <summary>The bad inputs skipped, in detail (at most <see cref="MapReduceStatistics.SkippedRecordsKept"/>).</summary>
    public IReadOnlyList<SkippedRecord> SkippedRecords { get; init; } = [];

    /// <summary>How many bad inputs were skipped in all.</summary>
    public long SkippedCount { get; init; }

    /// <summary>The user counters the task incremented (empty when none).</summary>
    public IReadOnlyDictionary<string, long> Counters { get; init; } = new Dictionary<string, long>();

    /// <summary>Bytes of map output the task spilled to local disk (0 when its table fitted its memory budget).</summary>
    public long BytesSpilled { get; init; }

    /// <summary>How long the task took.</summary>
    public TimeSpan Duration { get; init; }
}
