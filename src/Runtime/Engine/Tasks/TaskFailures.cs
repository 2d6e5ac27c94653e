namespace MapReduceGen.Engine.Tasks;

/// <summary>A task's <see cref="MapReduceException"/> as a <see cref="TaskFailure"/> and back, the failing key encoded on the way.</summary>
internal static class TaskFailures
{
    public static TaskFailure From<TKey, TValue, TResult>(
        MapReduceException failure, TypedCodecs<TKey, TValue, TResult> codecs, IPayloadCodec payload, int maxBadRecords = 0) => new()
    {
        Phase = failure.Phase,
        Message = failure.Message,
        Exception = failure.InnerException,
        InputIndex = failure.InputIndex,
        ForKey = failure.Key is not null,
        Key = failure.Key is TKey key ? EncodeKey(key, codecs, payload) : null,
        ByPartitioner = failure.IsPartitionerFailure,
        Path = failure.Path,
        LineNumber = failure.LineNumber,
        TooManyBadRecords = failure.IsTooManyBadRecords,
        MaxBadRecords = maxBadRecords,
        InputName = failure.InputName,
        What = failure.What,
    };

    public static MapReduceException ToException<TKey, TValue, TResult>(
        TaskFailure failure, string jobName, TypedCodecs<TKey, TValue, TResult> codecs, IPayloadCodec payload)
    {
        ArgumentNullException.ThrowIfNull(failure);
        Exception inner = failure.Exception ?? new InvalidOperationException(failure.Message);
        object? key = failure.Key is { } bytes ? DecodeKey(bytes, codecs, payload) : null;
        MapReduceException exception;
        if (failure.TooManyBadRecords)
        {
            exception = MapReduceException.ForTooManyBadRecords(
                jobName, failure.MaxBadRecords, new SkippedRecord(failure.InputIndex ?? 0, failure.Path, failure.LineNumber, inner));
        }
        else if (failure.What is { } what)
        {
            // The task's own words: what failed (a comparer, the spill, the memory budget), where and for which key.
            exception = MapReduceException.Rebuild(
                jobName, failure.Phase, failure.InputIndex, key, failure.Path, failure.LineNumber, what, inner, failure.ByPartitioner);
        }
        else if (failure.ByPartitioner)
        {
            exception = MapReduceException.ForPartitioner(jobName, key, inner);
        }
        else if (failure.ForKey || failure.Phase == MapReducePhase.Reduce)
        {
            exception = MapReduceException.ForKey(jobName, key, inner, failure.Phase == MapReducePhase.Map ? failure.InputIndex : null);
        }
        else if (failure.InputIndex is null && failure.Path is { } path)
        {
            exception = MapReduceException.ForFile(jobName, path, inner);
        }
        else if (failure.InputIndex is null && failure.IsConfiguration)
        {
            return new MapReduceException(failure.Message, inner);
        }
        else
        {
            exception = MapReduceException.ForInput(jobName, failure.InputIndex ?? 0, inner, failure.Path, failure.LineNumber);
        }

        return exception.InInput(failure.InputName);
    }

    private static byte[] EncodeKey<TKey, TValue, TResult>(TKey key, TypedCodecs<TKey, TValue, TResult> codecs, IPayloadCodec payload)
    {
        var writer = new ValueWriter();
        TypedCodecs<TKey, TValue, TResult>.WriteColumn(writer, codecs.Key, payload, [key]);
        return writer.ToArray();
    }

    private static object? DecodeKey<TKey, TValue, TResult>(byte[] bytes, TypedCodecs<TKey, TValue, TResult> codecs, IPayloadCodec payload)
    {
        var reader = new ValueReader(bytes);
        return TypedCodecs<TKey, TValue, TResult>.ReadColumn(ref reader, codecs.Key, payload, 1)[0];
    }
}
