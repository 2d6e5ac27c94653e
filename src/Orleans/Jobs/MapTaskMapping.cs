using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// The state of one map task's mapping: the emitter, the staging of an input's pairs when bad records may be skipped,
/// and the skipped inputs.
/// </summary>
internal sealed class MapTaskMapping<TJob, TInput, TKey, TValue>
    where TJob : struct, IMapReduceJob<TInput, TKey, TValue>
    where TKey : notnull
{
    private readonly MapTaskRequest _request;
    private readonly Serializer _serializer;
    private readonly MapSink<TKey, TValue> _sink;
    private readonly StagingSink<TKey, TValue>? _staging;
    private readonly Emitter<TKey, TValue> _emitter;

    public MapTaskMapping(MapTaskRequest request, Serializer serializer, MapSink<TKey, TValue> sink)
    {
        _request = request;
        _serializer = serializer;
        _sink = sink;
        _staging = request.MaxBadRecords > 0 ? new StagingSink<TKey, TValue>(sink) : null;
        _emitter = _staging is null ? new Emitter<TKey, TValue>(sink) : new Emitter<TKey, TValue>(_staging);
    }

    public List<SkippedInput> Skipped { get; } = [];

    /// <summary>Maps one input; <see langword="false"/> with the exception when user code threw.</summary>
    public bool MapOne(TInput input, out Exception error)
    {
        try
        {
            TJob.Map(input, _emitter);
            _staging?.Commit();
            error = null!;
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = e;
            return false;
        }
    }

    /// <summary>
    /// Handles a failed input: returns the failed report that ends the task, or <see langword="null"/> when the
    /// input was skipped and mapping goes on.
    /// </summary>
    public MapTaskReport? Fail(Exception error, long inputIndex, string? path, long? lineNumber)
    {
        if (_sink.CombineFailed || _staging is null)
        {
            return Report(error, inputIndex, path, lineNumber, tooMany: false);
        }

        _staging.Discard();
        Skipped.Add(new SkippedInput { InputIndex = inputIndex, Path = path, LineNumber = lineNumber, Exception = error });
        return Skipped.Count > _request.MaxBadRecords ? Report(error, inputIndex, path, lineNumber, tooMany: true) : null;
    }

    private MapTaskReport Report(Exception error, long inputIndex, string? path, long? lineNumber, bool tooMany) =>
        new()
        {
            State = TaskState.Failed,
            Failure = new TaskFailure
            {
                Exception = error,
                InputIndex = inputIndex,
                Key = _sink.CombineFailed ? _serializer.SerializeToArray(_sink.FailedKey) : null,
                Path = path,
                LineNumber = lineNumber,
                TooManyBadRecords = tooMany,
            },
        };
}
