namespace MapReduceGen.Engine.Local;

/// <summary>Reports a run's progress on a timer (never per record) and once more when it ends.</summary>
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
    public void Report()
    {
        if (_progress is null)
        {
            return;
        }

        lock (_gate)
        {
            MapReduceProgress snapshot = _state.Snapshot();
            _progress.Report(snapshot);

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
                    _progress!.Report(_state.Snapshot());
                }
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }
    }
}
