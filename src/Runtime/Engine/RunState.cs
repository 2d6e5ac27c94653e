using System.Diagnostics;

namespace MapReduceGen.Engine;

/// <summary>
/// What the workers of one run share: the first failure, the stop signal, the counters behind statistics and
/// progress, and skipped bad records.
/// </summary>
internal sealed class RunState : IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly SkippedRecordLog _skipped = new();
    private readonly CancellationToken _extraToken;
    private Exception? _failure;
    private volatile bool _stop;
    private readonly CancellationTokenSource _stopSource;
    private long _inputsRead;
    private long _pairsEmitted;
    private long _bytesRead;
    private int _partitionsReduced;

    public RunState(string jobName, MapReduceOptions options, CancellationToken extraToken)
    {
        JobName = jobName;
        Options = options;
        _extraToken = extraToken;
        if (extraToken.CanBeCanceled && options.CancellationToken.CanBeCanceled && extraToken != options.CancellationToken)
        {
            LinkedSource = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken, extraToken);
            CancellationToken = LinkedSource.Token;
        }
        else
        {
            CancellationToken = extraToken.CanBeCanceled ? extraToken : options.CancellationToken;
        }

        _stopSource = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken);

        // Cancellation sets the same flag a failure sets, so the loops' check between inputs is one volatile read.
        _stopSource.Token.UnsafeRegister(static state => ((RunState)state!)._stop = true, this);
    }

    public string JobName { get; }

    public MapReduceOptions Options { get; }

    public CancellationToken CancellationToken { get; }

    public CancellationTokenSource? LinkedSource { get; }

    /// <summary>
    /// Cancelled when the run must stop (a failure or a cancellation): what awaiting workers wait on, so they wake at
    /// once.
    /// </summary>
    public CancellationToken StopToken => _stopSource.Token;

    public MapReducePhase Phase { get; set; }

    /// <summary>
    /// The name of the input being mapped, for a job with several inputs (<see langword="null"/> otherwise): failures and
    /// skipped records of the map phase name it. Set by the executor while one input is mapped.
    /// </summary>
    public string? InputName { get; set; }

    public long? TotalBytes { get; set; }

    public int PartitionCount { get; set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>True once a worker failed or the run was cancelled: every loop checks it between inputs.</summary>
    public bool StopRequested => _stop;

    public long InputsRead => Interlocked.Read(ref _inputsRead);

    public long PairsEmitted => Interlocked.Read(ref _pairsEmitted);

    public long BytesRead => Interlocked.Read(ref _bytesRead);

    public int PartitionsReduced => Volatile.Read(ref _partitionsReduced);

    public IReadOnlyList<SkippedRecord> SkippedRecords => _skipped.Snapshot();

    /// <summary>How many bad records were skipped so far.</summary>
    public long SkippedCount => _skipped.Count;

    public void AddProgress(long inputs, long pairs, long bytes = 0)
    {
        if (inputs != 0)
        {
            Interlocked.Add(ref _inputsRead, inputs);
        }

        if (pairs != 0)
        {
            Interlocked.Add(ref _pairsEmitted, pairs);
        }

        if (bytes != 0)
        {
            Interlocked.Add(ref _bytesRead, bytes);
        }
    }

    public void PartitionReduced() => Interlocked.Increment(ref _partitionsReduced);

    /// <summary>Records the first failure and tells every worker to stop.</summary>
    public void Fail(Exception failure)
    {
        // The other workers stop at their next input: before anything else here takes time.
        _stop = true;
        if (failure is MapReduceException mapFailure)
        {
            failure = mapFailure.InInput(InputName);
        }

        Interlocked.CompareExchange(ref _failure, failure, null);
        _stop = true;
        try
        {
            _stopSource.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run is over.
        }
    }

    /// <summary>
    /// Records a bad input when skipping is on and the limit allows it; otherwise fails the run.
    /// </summary>
    /// <returns><see langword="true"/> when the input was skipped and mapping may go on.</returns>
    public bool TrySkip(SkippedRecord record)
    {
        if (InputName is { } inputName && record.InputName is null)
        {
            record = record with { InputName = inputName };
        }

        int limit = Options.MaxBadRecords;
        if (limit > 0)
        {
            if (_skipped.TryAdd(record, limit))
            {
                return true;
            }

            Fail(MapReduceException.ForTooManyBadRecords(JobName, limit, record));
            return false;
        }

        // Stop the other workers first: describing the failure takes longer than mapping many inputs.
        _stop = true;
        Fail(MapReduceException.ForInput(JobName, record.InputIndex, record.Exception, record.Path, record.LineNumber));
        return false;
    }

    /// <summary>
    /// After the workers of a phase have joined: throws the first failure, or <see cref="OperationCanceledException"/>
    /// when the run was cancelled (a user exception caused by the cancellation counts as the cancellation).
    /// </summary>
    public void ThrowIfStopped()
    {
        Exception? failure = Volatile.Read(ref _failure);
        if (CancellationToken.IsCancellationRequested &&
            (failure is null || failure.InnerException is OperationCanceledException || failure is OperationCanceledException))
        {
            // Name the caller's token that was cancelled, not the internal linked one, so callers can tell whose it was.
            CancellationToken cancelled = Options.CancellationToken.IsCancellationRequested
                ? Options.CancellationToken
                : _extraToken.IsCancellationRequested ? _extraToken : CancellationToken;
            throw new OperationCanceledException(
                $"MapReduce job '{JobName}' was cancelled.", failure?.InnerException, cancelled);
        }

        if (failure is not null)
        {
            throw failure;
        }
    }

    public MapReduceProgress Snapshot() =>
        new(Phase, InputsRead, PairsEmitted, BytesRead, TotalBytes, PartitionsReduced, PartitionCount, Elapsed);

    /// <summary>Releases the run's token sources (the registrations on the caller's tokens).</summary>
    public void Dispose()
    {
        _stopSource.Dispose();
        LinkedSource?.Dispose();
    }
}
