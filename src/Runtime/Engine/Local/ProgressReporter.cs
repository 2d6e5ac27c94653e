namespace MapReduceGen.Engine.Local;

/// <summary>
/// Reports a run's progress on a timer (never per record) and once more when it ends. The caller's
/// <see cref="IProgress{T}"/> is user code like the mapper: if it throws, the run fails with a
/// <see cref="MapReduceException"/> ("the progress callback threw"), whether it was called on the timer's thread or the
/// run's; nothing is reported after that.
/// </summary>
internal sealed class ProgressReporter : IDisposable
{
    private readonly IProgress<MapReduceProgress>? _progress;
    private readonly RunState _state;
    private readonly Timer? _timer;
    private readonly object _gate = new();
    private bool _finished;

    public ProgressReporter(RunState state)
    {
        _state = state;
        _progress = state.Options.Progress;
        if (_progress is not null)
        {
            TimeSpan interval = state.Options.ProgressInterval;
            _timer = new Timer(static s => ((ProgressReporter)s!).Tick(), this, interval, interval);
        }
    }

    /// <summary>Reports now (at phase changes), unless a timer report is under way.</summary>
    /// <exception cref="MapReduceException">The progress callback threw (or an earlier call of it did).</exception>
    /// <exception cref="OperationCanceledException">The callback threw because the run was cancelled.</exception>
    public void Report()
    {
        if (_progress is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_finished)
            {
                // A timer report failed: the run has failed, and says so.
                _state.ThrowIfStopped();
                return;
            }

            MapReduceProgress snapshot = _state.Snapshot();
            if (!TryReport(snapshot))
            {
                _state.ThrowIfStopped();
            }

            // The Completed report is the last: a timer tick already queued must not report after it.
            _finished |= snapshot.Phase == MapReducePhase.Completed;
        }
    }

    public void Dispose() => _timer?.Dispose();

    private void Tick()
    {
        if (Monitor.TryEnter(_gate))
        {
            try
            {
                if (!_finished && !_state.StopRequested)
                {
                    TryReport(_state.Snapshot());
                }
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }
    }

    // Calls the user's callback (holding the gate); when it throws, fails the run and reports nothing more.
    private bool TryReport(MapReduceProgress snapshot)
    {
        try
        {
            _progress!.Report(snapshot);
            return true;
        }
        catch (Exception ex)
        {
            _finished = true;
            _state.Fail(MapReduceException.ForCallback(
                _state.JobName, snapshot.Phase, null, "the progress callback (IProgress<MapReduceProgress>.Report) threw", ex));
            return false;
        }
    }
}
