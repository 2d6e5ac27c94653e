using System.Globalization;

namespace MapReduceGen;

/// <summary>
/// What a run throws when user code (mapper, reducer, or the input sequence) throws. It names the phase, the job,
/// and the input or key that failed; the original exception is <see cref="Exception.InnerException"/>. A failed
/// run never returns a partial result.
/// </summary>
public sealed class MapReduceException : Exception
{
    /// <summary>Creates an exception with a message only.</summary>
    public MapReduceException()
        : this("A MapReduce run failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public MapReduceException(string message)
        : base(message)
    {
        JobName = string.Empty;
    }

    /// <summary>Creates an exception with a message and the original exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The original exception.</param>
    public MapReduceException(string message, Exception innerException)
        : base(message, innerException)
    {
        JobName = string.Empty;
    }

    private MapReduceException(
        string jobName, MapReducePhase phase, long? inputIndex, object? key, string? path, long? lineNumber,
        string what, Exception innerException, string? inputName = null)
        : base(Describe(jobName, phase, inputIndex, key, path, lineNumber, what, innerException, inputName), innerException)
    {
        JobName = jobName;
        Phase = phase;
        InputIndex = inputIndex;
        Key = key;
        Path = path;
        LineNumber = lineNumber;
        InputName = inputName;
        What = what;
    }

    /// <summary>The job that failed.</summary>
    public string JobName { get; }

    /// <summary>The phase in which user code threw.</summary>
    public MapReducePhase Phase { get; }

    /// <summary>The index of the input being mapped when it failed, if the failure was tied to an input.</summary>
    public long? InputIndex { get; }

    /// <summary>The key being reduced (or combined) when it failed, if the failure was tied to a key.</summary>
    public object? Key { get; }

    /// <summary>For text sources: the file of the failing line.</summary>
    public string? Path { get; }

    /// <summary>For text sources: the 1-based line number of the failing line.</summary>
    public long? LineNumber { get; }

    /// <summary>
    /// For a job with several inputs (several mappers): the name of the input that failed (the generated <c>Run</c>'s
    /// parameter for it); <see cref="InputIndex"/> is the index within that input. Otherwise <see langword="null"/>.
    /// </summary>
    public string? InputName { get; }

    /// <summary>What failed, as the message words it (<c>the reducer threw</c>, <c>the key comparer is inconsistent</c>).</summary>
    internal string? What { get; }

    /// <summary>Whether the run failed because more inputs failed than <see cref="MapReduceOptions.MaxBadRecords"/> allows.</summary>
    internal bool IsTooManyBadRecords { get; private init; }

    /// <summary>Whether the job's partitioner (or key order) threw or chose no valid partition.</summary>
    internal bool IsPartitionerFailure { get; private init; }

    /// <summary>Creates the exception for a failure while mapping an input.</summary>
    /// <param name="jobName">The job.</param>
    /// <param name="inputIndex">The failing input's index.</param>
    /// <param name="innerException">What user code threw.</param>
    /// <param name="path">The input's file, for text sources.</param>
    /// <param name="lineNumber">The input's line number, for text sources.</param>
    /// <returns>The exception.</returns>
    public static MapReduceException ForInput(
        string jobName, long inputIndex, Exception innerException, string? path = null, long? lineNumber = null) =>
        new(jobName, MapReducePhase.Map, inputIndex, null, path, lineNumber, "the mapper threw", innerException);

    /// <summary>Creates the exception for a failure while reducing (or combining the values of) a key.</summary>
    /// <param name="jobName">The job.</param>
    /// <param name="key">The failing key.</param>
    /// <param name="innerException">What user code threw.</param>
    /// <param name="inputIndex">The input being mapped when a map-side combine failed, if any.</param>
    /// <returns>The exception.</returns>
    public static MapReduceException ForKey(
        string jobName, object? key, Exception innerException, long? inputIndex = null) =>
        new(jobName, MapReducePhase.Reduce, inputIndex, key, null, null, "the reducer threw", innerException);

    /// <summary>Creates the exception for a job's partitioner that threw (or chose no valid partition) for a key.</summary>
    internal static MapReduceException ForPartitioner(string jobName, object? key, Exception innerException) =>
        new(jobName, MapReducePhase.Map, null, key, null, null, "the partitioner threw", innerException) { IsPartitionerFailure = true };

    /// <summary>
    /// Creates the exception for user code other than the mapper and reducer that failed for a key, or was found to break
    /// its contract: <paramref name="what"/> names the method (<c>the key comparer threw</c>, <c>the partitioner is
    /// inconsistent</c>).
    /// </summary>
    internal static MapReduceException ForUserMethod(
        string jobName, MapReducePhase phase, object? key, string what, Exception innerException) =>
        new(jobName, phase, null, key, null, null, what, innerException);

    /// <summary>
    /// Rebuilds the exception a task of a backend reported as data (<see cref="Engine.TaskFailure"/>), with the same words.
    /// </summary>
    internal static MapReduceException Rebuild(
        string jobName, MapReducePhase phase, long? inputIndex, object? key, string? path, long? lineNumber, string what, Exception innerException,
        bool byPartitioner) =>
        new(jobName, phase, inputIndex, key, path, lineNumber, what, innerException) { IsPartitionerFailure = byPartitioner };

    /// <summary>
    /// Creates the exception for a callback of the caller's that threw during a run (the progress reporter, a text
    /// source's hooks): <paramref name="what"/> names it, <paramref name="path"/> the file it was called for, if any.
    /// </summary>
    internal static MapReduceException ForCallback(
        string jobName, MapReducePhase phase, string? path, string what, Exception innerException) =>
        new(jobName, phase == MapReducePhase.Map ? MapReducePhase.Map : MapReducePhase.Reduce, null, null, path, null, what, innerException);

    /// <summary>Creates the exception for a failure of the input sequence itself.</summary>
    /// <param name="jobName">The job.</param>
    /// <param name="inputIndex">The index of the input that was being read.</param>
    /// <param name="innerException">What the sequence threw.</param>
    /// <returns>The exception.</returns>
    public static MapReduceException ForSource(string jobName, long inputIndex, Exception innerException) =>
        new(jobName, MapReducePhase.Map, inputIndex, null, null, null, "reading the inputs threw", innerException);

    /// <summary>
    /// Creates the exception for a text file that could not be read. When the cause is a <see cref="TextSourceException"/>
    /// about one line (a line too long to hold), <see cref="LineNumber"/> is that line.
    /// </summary>
    /// <param name="jobName">The job.</param>
    /// <param name="path">The file.</param>
    /// <param name="innerException">The I/O error.</param>
    /// <returns>The exception.</returns>
    public static MapReduceException ForFile(string jobName, string path, Exception innerException) =>
        new(
            jobName, MapReducePhase.Map, null, null, path, (innerException as TextSourceException)?.LineNumber,
            "reading the file failed", innerException);

    /// <summary>Creates the exception for an output directory or file that could not be written (it names the path).</summary>
    internal static MapReduceException ForOutput(string jobName, string path, Exception innerException) =>
        new(jobName, MapReducePhase.Reduce, null, null, path, null, "writing the output failed", innerException);

    /// <summary>
    /// Creates the exception for a spill file that could not be written or read back (a full disk, an unwritable spill
    /// directory, a file deleted under the run): it names the path.
    /// </summary>
    internal static MapReduceException ForSpill(string jobName, string path, Exception innerException, MapReducePhase phase = MapReducePhase.Map) =>
        new(jobName, phase, null, null, path, null, phase == MapReducePhase.Map ? "spilling map output to disk failed" : "reading spilled map output failed", innerException);

    /// <summary>Creates the exception for a run that needs more memory than its budget where it cannot spill.</summary>
    internal static MapReduceException ForMemory(string jobName, MapReducePhase phase, object? key, Exception innerException) =>
        new(jobName, phase, null, key, null, null, "the run's memory budget is too small", innerException);

    /// <summary>Creates the exception for too many skipped bad records.</summary>
    /// <param name="jobName">The job.</param>
    /// <param name="limit">The configured limit.</param>
    /// <param name="last">The record that went over the limit.</param>
    /// <returns>The exception.</returns>
    public static MapReduceException ForTooManyBadRecords(string jobName, int limit, SkippedRecord last)
    {
        ArgumentNullException.ThrowIfNull(last);
        return new(
            jobName, MapReducePhase.Map, last.InputIndex, null, last.Path, last.LineNumber,
            $"more than {limit.ToString(CultureInfo.InvariantCulture)} inputs failed (MaxBadRecords); the last one",
            last.Exception)
        {
            IsTooManyBadRecords = true,
        };
    }

    /// <summary>
    /// This exception naming the input it came from, for a job with several inputs: a copy with
    /// <see cref="InputName"/> set (the same exception when it already names one, or has no input to name).
    /// </summary>
    internal MapReduceException InInput(string? inputName)
    {
        if (inputName is null || InputName is not null || What is null || Phase != MapReducePhase.Map || InnerException is null)
        {
            return this;
        }

        return new MapReduceException(JobName, Phase, InputIndex, Key, Path, LineNumber, What, InnerException, inputName)
        {
            IsTooManyBadRecords = IsTooManyBadRecords,
            IsPartitionerFailure = IsPartitionerFailure,
        };
    }

    private static string Describe(
        string jobName, MapReducePhase phase, long? inputIndex, object? key, string? path, long? lineNumber,
        string what, Exception inner, string? inputName)
    {
        string where;
        if (path is not null)
        {
            where = lineNumber is long line
                ? string.Create(CultureInfo.InvariantCulture, $" at {path}:{line}")
                : $" in {path}";
        }
        else if (key is not null)
        {
            where = $" for key '{key}'";
            if (inputIndex is long index)
            {
                where += string.Create(CultureInfo.InvariantCulture, $" (while mapping input {index})");
            }
        }
        else if (inputIndex is long index)
        {
            where = string.Create(CultureInfo.InvariantCulture, $" at input {index}");
        }
        else
        {
            where = string.Empty;
        }

        if (inputName is not null)
        {
            where += where.Length == 0 ? $" in input '{inputName}'" : $" of input '{inputName}'";
        }

        string phaseName = phase == MapReducePhase.Map ? "map" : "reduce";
        return $"MapReduce job '{jobName}' failed in the {phaseName} phase{where}: {what} " +
               $"{inner.GetType().Name}: {inner.Message}";
    }
}
