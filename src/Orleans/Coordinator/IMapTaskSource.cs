using MapReduceGen.Orleans.Wire;

namespace MapReduceGen.Orleans.Coordinator;

/// <summary>Produces a run's map tasks one at a time, so an input sequence is read only as fast as tasks are handed out.</summary>
internal interface IMapTaskSource
{
    /// <summary>The total input size in bytes when known (text sources).</summary>
    long? TotalBytes { get; }

    /// <summary>Produces the next task; <see langword="false"/> when there is none.</summary>
    /// <exception cref="MapReduceException">Reading the user's input sequence threw.</exception>
    bool TryNext(int partitionCount, out MapTaskRequest request, out string description);
}
