using MapReduceGen.Engine;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// The silo-side code of a job, on the engine's core: a map task is a <see cref="MapTask{TJob, TInput, TKey, TValue, TSlot, TSide}"/>
/// (the local runner's map worker: same table, same combining, same failure handling) over one split or batch, whose
/// output is partitioned by <see cref="MapOutputBuilder"/> and encoded per partition; a reduce task decodes the pieces of
/// its partition and reduces them with the job's <typeparamref name="TReducer"/>, as the local runner does.
/// </summary>
internal abstract class ClusterJobHandler<TJob, TInput, TKey, TValue, TSlot, TSide, TReducer, TResult> : IClusterJobHandler
    where TJob : struct, IMapReduceJob<TInput, TKey, TValue>
    where TKey : notnull
    where TSide : IMapSide<TValue, TSlot>
    where TReducer : IReducer<TKey, TValue, TSlot, TResult>
{
    public string JobName => TJob.Name;

    public MapTaskResult RunMap(MapTaskRequest request, Serializer serializer, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (request.PartitionCount < 1)
        {
            return Faulted($"Map task {request.TaskId} of job '{TJob.Name}' has no partitions.");
        }

        var options = new MapReduceOptions { MaxBadRecords = request.MaxBadRecords, MaxDegreeOfParallelism = 1 };
        using var state = new RunState(TJob.Name, options, cancellationToken);
        var task = new MapTask<TJob, TInput, TKey, TValue, TSlot, TSide>(state);
        long bytes = 0;
        if (request.Split is { } spec)
        {
            if (typeof(TInput) != typeof(string))
            {
                return Faulted(
                    $"MapReduce job '{TJob.Name}' maps {typeof(TInput).FullName}, not lines of text (string): it cannot read text files.");
            }

            TextSplit split = spec.ToTextSplit();
            using var reader = new TextSplitReader();
            try
            {
                reader.Reset(split);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The file is missing or unreadable on this silo: the same error as the local runner's.
                return Failed(new TaskFailure { Exception = e, Path = split.Path });
            }

            task.MapLines(reader);
            bytes = split.Length;
        }
        else if (request.Inputs is { } encoded)
        {
            TInput[] batch = serializer.Deserialize<TInput[]>(encoded) ?? [];
            task.MapChunk(batch, request.FirstInputIndex);
        }
        else
        {
            return Faulted($"Map task {request.TaskId} of job '{TJob.Name}' has no inputs.");
        }

        try
        {
            state.ThrowIfStopped();
        }
        catch (MapReduceException failure)
        {
            return Failed(Describe(failure, serializer));
        }

        byte[]?[] partitions = typeof(TKey) == typeof(string)
            ? Encode<Utf8Key, Utf8KeyOps>(task, request.PartitionCount, serializer)
            : Encode<TKey, ObjectKeyOps<TKey, TJob>>(task, request.PartitionCount, serializer);
        IReadOnlyList<SkippedRecord> skipped = state.SkippedRecords;
        var report = new MapTaskReport
        {
            State = TaskState.Completed,
            Output = new MapTaskOutput
            {
                PartitionBytes = [.. partitions.Select(p => (long)(p?.Length ?? 0))],
                InputsRead = state.InputsRead,
                PairsEmitted = state.PairsEmitted,
                BytesRead = bytes,
                Skipped = [.. skipped.Select(SkippedInput.From)],
                SkippedCount = (skipped as SkippedRecordList)?.TotalCount ?? skipped.Count,
                Duration = clock.Elapsed,
            },
        };
        return new MapTaskResult(report, partitions);
    }

    public IReduceState CreateReduceState(Serializer serializer) =>
        new ReduceState<TJob, TKey, TValue, TSlot, TReducer, TResult>(TJob.Name, serializer);

    public string? CheckSerializable(Serializer serializer, bool textInput) =>
        JobTypeCheck.Describe(serializer, TJob.Name, textInput ? null : typeof(TInput), typeof(TKey), typeof(TValue), typeof(TResult));

    private static byte[]?[] Encode<TStored, TOps>(
        MapTask<TJob, TInput, TKey, TValue, TSlot, TSide> task, int partitionCount, Serializer serializer)
        where TOps : struct, IKeyOps<TStored>
    {
        MapOutput<TStored, TSlot, TValue> output = task.BuildOutput<TStored, TOps>(partitionCount);
        var chunks = new byte[]?[partitionCount];
        for (int p = 0; p < partitionCount; p++)
        {
            Piece<TStored, TSlot, TValue> piece = output.Partition(p);
            if (piece.Length > 0)
            {
                chunks[p] = PieceCodec.Encode<TKey, TStored, TSlot, TValue>(piece, TSide.KeepsValues, serializer);
            }
        }

        return chunks;
    }

    // The map task's failure as the coordinator rebuilds it into the local runner's MapReduceException.
    private static TaskFailure Describe(MapReduceException failure, Serializer serializer) => new()
    {
        Exception = failure.InnerException,
        Message = failure.Message,
        InputIndex = failure.InputIndex,
        Key = failure.Key is TKey key ? serializer.SerializeToArray(key) : null,
        Path = failure.Path,
        LineNumber = failure.LineNumber,
        TooManyBadRecords = failure.IsTooManyBadRecords,
    };

    private static MapTaskResult Failed(TaskFailure failure) => new(new() { State = TaskState.Failed, Failure = failure }, null);

    private static MapTaskResult Faulted(string message) =>
        new(new() { State = TaskState.Faulted, Failure = TaskFailure.Configuration(message) }, null);
}
