using MapReduceGen.Engine;
using MapReduceGen.Engine.Definitions;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Output;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// The silo-side code of a job, on the engine's core: a map task is a <see cref="MapTask{TJob, TMapper, TInput, TKey, TValue, TSlot, TSide}"/>
/// (the local runner's map worker: same table, same combining, same failure handling) of the request's input over one
/// split or batch, whose output is partitioned by <see cref="MapOutputBuilder"/> (stable hash, the job's partitioner, or
/// the run's key ranges) and encoded per partition; a reduce task decodes the pieces of its partition and reduces them
/// with the job's <typeparamref name="TReducer"/>, as the local runner does. Both get the run's parameters.
/// </summary>
internal sealed class ClusterJobHandler<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult>(JobSpec<TKey, TValue, TResult> spec, bool writesRecords)
    : IClusterJobHandler
    where TJob : struct, IKeyedJob<TKey>
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

        if ((uint)request.InputIndex >= (uint)spec.Mappers.Count)
        {
            return Faulted($"Map task {request.TaskId} of job '{TJob.Name}' maps input {request.InputIndex}, but the job has {spec.Mappers.Count}.");
        }

        JobMapper<TKey, TValue> mapper = spec.Mappers[request.InputIndex];
        JobRunData? data = RunData.Decode(request.JobData, serializer);
        TaskContext context = spec.Parameters.Decode(new OrleansParameterCodec(serializer), data?.Parameters);
        var options = new MapReduceOptions { MaxBadRecords = request.MaxBadRecords, MaxDegreeOfParallelism = 1 };
        using var state = new RunState(TJob.Name, options, cancellationToken)
        {
            InputName = spec.Mappers.Count > 1 ? mapper.InputName : null,
        };
        var sink = MapSink<TKey, TValue, TSlot>.Create<TJob, TSide>();
        MapTaskResult? early = mapper.Accept(new MapInputVisitor(request, serializer, state, sink, context));
        if (early is not null)
        {
            return early;
        }

        try
        {
            state.ThrowIfStopped();
        }
        catch (MapReduceException failure)
        {
            return Failed(Describe(failure, serializer));
        }

        byte[]?[] partitions;
        try
        {
            partitions = typeof(TKey) == typeof(string)
                ? Encode<Utf8Key, Utf8KeyOps>(sink, request.PartitionCount, data, serializer)
                : Encode<TKey, ObjectKeyOps<TKey, TJob>>(sink, request.PartitionCount, data, serializer);
        }
        catch (KeyFailure failure)
        {
            // The job's partitioner (or key order) threw for a key while the task's output was partitioned.
            return Failed(Describe(MapReduceException.ForPartitioner(TJob.Name, failure.Key, failure.InnerException!), serializer));
        }

        IReadOnlyList<SkippedRecord> skipped = state.SkippedRecords;
        var report = new MapTaskReport
        {
            State = TaskState.Completed,
            Output = new MapTaskOutput
            {
                PartitionBytes = [.. partitions.Select(p => (long)(p?.Length ?? 0))],
                InputsRead = state.InputsRead,
                PairsEmitted = state.PairsEmitted,
                BytesRead = request.Split?.Length ?? 0,
                Skipped = [.. skipped.Select(SkippedInput.From)],
                SkippedCount = (skipped as SkippedRecordList)?.TotalCount ?? skipped.Count,
                Duration = clock.Elapsed,
                Counters = context.Counters.Count > 0 ? new Dictionary<string, long>(context.Counters.ToDictionary()) : null,
            },
        };
        return new MapTaskResult(report, partitions);
    }

    public IReduceState CreateReduceState(Serializer serializer) =>
        new ReduceState<TJob, TKey, TValue, TSlot, TReducer, TResult>(spec, serializer, writesRecords);

    public string? CheckSerializable(Serializer serializer, bool textInput) =>
        JobTypeCheck.Describe(
            serializer, TJob.Name,
            textInput ? [] : spec.Mappers.Select(m => m.InputType).Where(t => t != typeof(string)),
            typeof(TKey), typeof(TValue), typeof(TResult), spec.Parameters.Type);

    private byte[]?[] Encode<TStored, TOps>(MapSink<TKey, TValue, TSlot> sink, int partitionCount, JobRunData? data, Serializer serializer)
        where TOps : struct, IKeyOps<TStored>
    {
        PartitionSelector<TStored>? selector = spec.Layout.Partitioner is { } partitioner
            ? new CustomPartitionSelector<TKey, TStored>(partitioner)
            : data?.SplitPoints is { } splits
                ? new RangePartitionSelector<TKey, TStored>(
                    serializer.Deserialize<TKey[]>(splits) ?? [], KeyComparison<TKey>.Of<TJob>(spec.Layout.HasKeyComparer))
                : null;
        MapOutput<TStored, TSlot, TValue> output = MapOutputBuilder.Build(sink.Table<TStored, TOps>(), sink.Values, partitionCount, selector);
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
        InputName = failure.InputName,
    };

    private static MapTaskResult Failed(TaskFailure failure) => new(new() { State = TaskState.Failed, Failure = failure }, null);

    private static MapTaskResult Faulted(string message) =>
        new(new() { State = TaskState.Faulted, Failure = TaskFailure.Configuration(message) }, null);

    /// <summary>Maps the request's split or batch with the mapper of its input (typed by the mapper); a result when it cannot.</summary>
    private sealed class MapInputVisitor(
        MapTaskRequest request, Serializer serializer, RunState state, MapSink<TKey, TValue, TSlot> sink, TaskContext context)
        : IJobMapperVisitor<TKey, TValue, MapTaskResult?>
    {
        public MapTaskResult? Visit<TMapper, TInput>(JobMapper<TKey, TValue> mapper)
            where TMapper : struct, IMapFunction<TInput, TKey, TValue>
        {
            var task = new MapTask<TJob, TMapper, TInput, TKey, TValue, TSlot, TSide>(state, sink, context);
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
                    return Failed(new TaskFailure { Exception = e, Path = split.Path, InputName = state.InputName });
                }

                task.MapLines(reader);
                return null;
            }

            if (request.Inputs is { } encoded)
            {
                TInput[] batch = serializer.Deserialize<TInput[]>(encoded) ?? [];
                task.MapChunk(batch, request.FirstInputIndex);
                return null;
            }

            return Faulted($"Map task {request.TaskId} of job '{TJob.Name}' has no inputs.");
        }
    }
}
