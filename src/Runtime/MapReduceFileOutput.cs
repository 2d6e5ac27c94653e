namespace MapReduceGen;

/// <summary>
/// What a run that writes its output to files returns: the directory, its files (one per partition, in partition order)
/// and the run's statistics. The directory holds exactly these files and an empty <c>_SUCCESS</c> marker, written last;
/// a run that fails leaves the directory as it was.
/// </summary>
public sealed class MapReduceFileOutput
{
    internal MapReduceFileOutput(string directory, IReadOnlyList<MapReduceOutputFile> files, MapReduceStatistics statistics)
    {
        Directory = directory;
        Files = files;
        Statistics = statistics;
    }

    /// <summary>The output directory (full path).</summary>
    public string Directory { get; }

    /// <summary>One file per partition, in partition order (a partition without keys has an empty file).</summary>
    public IReadOnlyList<MapReduceOutputFile> Files { get; }

    /// <summary>What the run did.</summary>
    public MapReduceStatistics Statistics { get; }
}
