namespace MapReduceGen;

/// <summary>A run as a <see cref="MapReduceRunObserver"/> is told about it.</summary>
/// <param name="JobName">The job's full name.</param>
/// <param name="Executor">Where it runs: <c>local</c> (this process) or <c>orleans</c> (an Orleans cluster).</param>
/// <param name="WorkerCount">Its workers (silos, for a cluster run); 0 when the run failed before it knew them.</param>
/// <param name="PartitionCount">Its partitions; 0 when the run failed before it knew them.</param>
/// <param name="Elapsed">Time since the run started.</param>
public readonly record struct MapReduceRunInfo(string JobName, string Executor, int WorkerCount, int PartitionCount, TimeSpan Elapsed);
