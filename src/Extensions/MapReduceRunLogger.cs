using Microsoft.Extensions.Logging;

namespace MapReduceGen.Extensions;

/// <summary>
/// Logs runs through an <see cref="ILogger"/>: each run's start and completion (Information, with its statistics), its
/// failure (Warning, with the exception) or cancellation (Information). Set it as <see cref="MapReduceOptions.Observer"/>
/// (<c>AddMapReduce()</c> does it for the options in the container).
/// </summary>
public sealed partial class MapReduceRunLogger : MapReduceRunObserver
{
    private readonly ILogger _logger;

    /// <summary>Creates an observer that logs to <paramref name="logger"/>.</summary>
    /// <param name="logger">Where runs are logged.</param>
    public MapReduceRunLogger(ILogger<MapReduceRunLogger> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <inheritdoc/>
    public override void RunStarted(MapReduceRunInfo run) =>
        LogStarted(_logger, run.JobName, run.Executor, run.WorkerCount, run.PartitionCount);

    /// <inheritdoc/>
    public override void RunCompleted(MapReduceRunInfo run, MapReduceStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        LogCompleted(
            _logger, run.JobName, run.Executor, statistics.TotalTime.TotalMilliseconds, statistics.InputsRead, statistics.PairsEmitted,
            statistics.DistinctKeys, statistics.BadRecordsSkipped, statistics.BytesSpilled, statistics.MapTime.TotalMilliseconds,
            statistics.ReduceTime.TotalMilliseconds);
    }

    /// <inheritdoc/>
    public override void RunFailed(MapReduceRunInfo run, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is OperationCanceledException)
        {
            LogCancelled(_logger, run.JobName, run.Executor, run.Elapsed.TotalMilliseconds);
        }
        else
        {
            LogFailed(_logger, exception, run.JobName, run.Executor, run.Elapsed.TotalMilliseconds, exception.GetType().Name, exception.Message);
        }
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information,
        Message = "MapReduce run of job {Job} started ({Executor}): {Workers} workers, {Partitions} partitions")]
    private static partial void LogStarted(ILogger logger, string job, string executor, int workers, int partitions);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information,
        Message = "MapReduce run of job {Job} completed ({Executor}) in {Milliseconds:F0} ms: {Inputs} inputs, {Pairs} pairs, {Keys} keys, {Skipped} bad records skipped, {BytesSpilled} bytes spilled; map {MapMilliseconds:F0} ms, reduce {ReduceMilliseconds:F0} ms")]
    private static partial void LogCompleted(
        ILogger logger, string job, string executor, double milliseconds, long inputs, long pairs, long keys, long skipped, long bytesSpilled,
        double mapMilliseconds, double reduceMilliseconds);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "MapReduce run of job {Job} failed ({Executor}) after {Milliseconds:F0} ms: {Error}: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job, string executor, double milliseconds, string error, string reason);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "MapReduce run of job {Job} was cancelled ({Executor}) after {Milliseconds:F0} ms")]
    private static partial void LogCancelled(ILogger logger, string job, string executor, double milliseconds);
}
