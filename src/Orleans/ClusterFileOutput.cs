namespace MapReduceGen.Orleans;

/// <summary>
/// What a run that writes its results to files returns: the files (one per partition, in partition order) and the run's
/// statistics. The results themselves never reach the caller.
/// </summary>
public sealed class ClusterFileOutput
{
    internal ClusterFileOutput(IReadOnlyList<ClusterOutputFile> files, MapReduceStatistics statistics)
    {
        Files = files;
        Statistics = statistics;
    }

    /// <summary>One file per partition, in partition order (a partition without keys has an empty file).</summary>
    public IReadOnlyList<ClusterOutputFile> Files { get; }

    /// <summary>What the run did (<see cref="MapReduceStatistics.DistinctKeys"/> counts the lines of all files).</summary>
    public MapReduceStatistics Statistics { get; }
}
