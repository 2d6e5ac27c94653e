using MapReduceGen.Engine.Local;

namespace MapReduceGen.Engine.Inputs;

/// <summary>
/// Lines of text files: every file is split into byte ranges that end at line boundaries, and workers claim
/// splits one at a time, so one huge file and a thousand small ones both keep every worker busy.
/// </summary>
internal sealed class TextMapInput<TInput> : MapInput<TInput>
{
    private const long MinimumSplitBytes = 1L << 20;

    // Many splits per worker, so the last ones are short and no worker idles long while another finishes: at about
    // 150 MB/s per worker a 1 MiB split is ~7 ms. Claiming a split costs one interlocked increment and a file open.
    private const int SplitsPerWorker = 32;
    private readonly TextSource _source;
    private readonly int _maximumWorkers;
    private IReadOnlyList<TextSplit>? _splits;
    private readonly Action<IInputMapper<TInput>, TextSplitReader> _mapSplit;
    private int _nextSplit = -1;

    /// <summary>Creates the input.</summary>
    /// <param name="source">The files.</param>
    /// <param name="options">The run's options.</param>
    /// <param name="mapSplit">
    /// How a worker maps one split; <see langword="null"/> for line by line (<see cref="IInputMapper{TInput}.MapLines"/>).
    /// </param>
    public TextMapInput(TextSource source, MapReduceOptions options, Action<IInputMapper<TInput>, TextSplitReader>? mapSplit = null)
    {
        _mapSplit = mapSplit ?? (static (worker, reader) => worker.MapLines(reader));
        if (typeof(TInput) != typeof(string))
        {
            throw new NotSupportedException($"Text sources feed lines to mappers whose input is string, not {typeof(TInput)}.");
        }

        _source = source;
        _maximumWorkers = options.MaxDegreeOfParallelism;
    }

    public override long? TotalBytes => _source.TotalBytes;

    public override int PlanWorkers(int maximum)
    {
        long splitBytes = _source.SplitBytes > 0
            ? _source.SplitBytes
            : Math.Clamp(_source.TotalBytes / Math.Max(1, _maximumWorkers * SplitsPerWorker), MinimumSplitBytes, TextSource.DefaultTargetSplitBytes);
        _splits = _source.CreateSplits(splitBytes);
        return Math.Max(1, Math.Min(maximum, _splits.Count));
    }

    public override void RunWorker(int workerIndex, IInputMapper<TInput> worker, RunState state)
    {
        IReadOnlyList<TextSplit> splits = _splits ?? throw new InvalidOperationException("PlanWorkers was not called.");
        using var reader = new TextSplitReader { CancellationToken = state.CancellationToken };
        int index;
        while (!state.StopRequested && (index = Interlocked.Increment(ref _nextSplit)) < splits.Count)
        {
            TextSplit split = splits[index];
            try
            {
                if (_source.Stream is { } stream)
                {
                    reader.Reset(stream, split.Path);
                }
                else
                {
                    reader.Reset(split);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                state.Fail(MapReduceException.ForFile(state.JobName, split.Path, ex));
                return;
            }
            catch (OperationCanceledException) when (state.CancellationToken.IsCancellationRequested)
            {
                // Cancelled while waiting for the first bytes of a pipe: the run ends as cancelled.
                return;
            }

            if (_source.SplitStarted is { } splitStarted &&
                !TryCall(state, split.Path, "the SplitStarted callback threw", () => splitStarted(workerIndex, split)))
            {
                return;
            }

            _mapSplit(worker, reader);
            if (reader.SawInvalidUtf8 && _source.InvalidUtf8Found is { } invalidUtf8Found &&
                !TryCall(state, split.Path, "the InvalidUtf8Found callback threw", () => invalidUtf8Found(split.Path)))
            {
                return;
            }
        }
    }

    // The source's hooks are the caller's code, like the mapper: one that throws fails the run, naming itself and the file.
    private static bool TryCall(RunState state, string path, string what, Action callback)
    {
        try
        {
            callback();
            return true;
        }
        catch (Exception ex)
        {
            state.Fail(MapReduceException.ForCallback(state.JobName, MapReducePhase.Map, path, what, ex));
            return false;
        }
    }
}
