using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// What a reduce task made of its partition (<see cref="PartitionReducer.Complete"/>): the partition's output, encoded
/// for the client (<see cref="Output"/>, read with <see cref="JobDefinition{TKey, TValue, TOutput}.CreateOutput"/> or
/// <see cref="JobOutputs"/>), or the file it wrote; or why user code failed.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ReduceTaskResult
{
    /// <summary>Why the reduce failed, or <see langword="null"/>.</summary>
    public TaskFailure? Failure { get; init; }

    /// <summary>The partition's keys and results (or records), encoded; empty when written to a file.</summary>
    public ReadOnlyMemory<byte> Output { get; init; }

    /// <summary>How many keys the partition has (for records: how many records).</summary>
    public long Count { get; init; }

    /// <summary>The file written, when the partition went to a file.</summary>
    public MapReduceOutputFile? File { get; init; }

    /// <summary>The user counters the reducer incremented (empty when none).</summary>
    public IReadOnlyDictionary<string, long> Counters { get; init; } = new Dictionary<string, long>();

    /// <summary>The bytes of fetched map output the task moved to local disk because they outgrew its memory budget.</summary>
    public long BytesSpilled { get; init; }
}
