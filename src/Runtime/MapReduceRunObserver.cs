namespace MapReduceGen;

/// <summary>
/// Told when a run starts and when it ends, completed or failed (<see cref="MapReduceOptions.Observer"/>): the hook
/// logging attaches to without the runtime depending on a logging library (the MapReduceGen.Extensions package's
/// <c>MapReduceRunLogger</c> logs through <c>ILogger</c> with it). Both executors tell it, on the thread that coordinates
/// the run, never from the workers. Override the members you need; an exception thrown by <see cref="RunStarted"/> or
/// <see cref="RunCompleted"/> comes out of the run (one thrown by <see cref="RunFailed"/> is ignored, so the run's own
/// exception does).
/// </summary>
public abstract class MapReduceRunObserver
{
    /// <summary>The run has planned its workers and partitions and starts mapping.</summary>
    /// <param name="run">The run.</param>
    public virtual void RunStarted(MapReduceRunInfo run)
    {
    }

    /// <summary>The run completed.</summary>
    /// <param name="run">The run.</param>
    /// <param name="statistics">What it did.</param>
    public virtual void RunCompleted(MapReduceRunInfo run, MapReduceStatistics statistics)
    {
    }

    /// <summary>The run failed or was cancelled; <paramref name="exception"/> is what it throws.</summary>
    /// <param name="run">The run.</param>
    /// <param name="exception">The failure (<see cref="MapReduceException"/>, <see cref="OperationCanceledException"/>, ...).</param>
    public virtual void RunFailed(MapReduceRunInfo run, Exception exception)
    {
    }
}
