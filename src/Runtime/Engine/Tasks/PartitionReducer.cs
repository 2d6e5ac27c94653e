using System.ComponentModel;

namespace MapReduceGen.Engine;

/// <summary>
/// One partition's reduce task (<see cref="JobDefinition{TKey, TValue, TOutput}.CreateReducer"/>): add that partition of
/// every map task's output (<see cref="Add"/>, in any order, from any thread; each map task once), then
/// <see cref="Complete"/> reduces them exactly as the local runner reduces a partition, in map task order so the output
/// does not depend on arrival order.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class PartitionReducer : IDisposable
{
    private protected PartitionReducer()
    {
    }

    /// <summary>The partition.</summary>
    public abstract int Partition { get; }

    /// <summary>
    /// Adds map task <paramref name="mapTaskId"/>'s output for this partition, as <see cref="MapTaskResult.ReadPartition"/>
    /// gave it (decoded here, so the call is CPU work; the memory is kept, not copied). A task added twice replaces its
    /// earlier output (a re-executed map task is counted once).
    /// </summary>
    /// <param name="mapTaskId">The map task's id in the run.</param>
    /// <param name="output">Its encoded output for this partition.</param>
    /// <exception cref="InvalidDataException">The bytes are not a map output of this job.</exception>
    /// <exception cref="InvalidOperationException">The task was completed or disposed.</exception>
    public abstract void Add(int mapTaskId, ReadOnlyMemory<byte> output);

    /// <summary>
    /// Reduces every key with the run's parameters, then encodes the partition's output or, when
    /// <paramref name="file"/> is given, writes it as that file (to a temporary name first, see
    /// <see cref="MapReduceOutputFiles"/>).
    /// </summary>
    /// <param name="file">Where to write the partition, or <see langword="null"/> to encode it.</param>
    /// <param name="cancellationToken">Stops the reduce.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="OperationCanceledException">The reduce was cancelled.</exception>
    /// <exception cref="InvalidOperationException">The task was completed already, or disposed.</exception>
    public abstract ReduceTaskResult Complete(PartitionFileTarget? file, CancellationToken cancellationToken);

    /// <summary>Frees what the task holds (map output kept on local disk is deleted); <see cref="Complete"/> does it too.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees what the task holds.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }
}
