using MapReduceGen.Engine.Local;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Output;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Engine.Tasks;

namespace MapReduceGen.Engine.Definitions;

/// <summary>
/// A job definition with every type its executors are specialised for: the job struct, what a key's slot holds and how
/// values enter it (the map side), the reducer, and the output kind. Each shape is this class with other type arguments
/// (see <see cref="JobDefinitions"/>), so every shape runs on the one core: the local runner (<see cref="LocalExecutor{TJob, TKey, TValue, TSlot, TSide, TReducer, TResult}"/>)
/// and the task kit of other backends (<see cref="MapTaskRunner{TJob, TKey, TValue, TSlot, TSide, TResult}"/>,
/// <see cref="TaskPartitionReducer{TJob, TKey, TValue, TSlot, TSide, TReducer, TResult}"/>).
/// </summary>
internal sealed class CoreDefinition<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult, TOutput, TKind>(JobSpec<TKey, TValue, TResult> spec)
    : JobDefinition<TKey, TValue, TOutput>
    where TJob : struct, IKeyedJob<TKey>
    where TSide : IMapSide<TValue, TSlot>
    where TReducer : IReducer<TKey, TValue, TSlot, TResult>
    where TKind : IOutputKind<TKey, TResult, TOutput>
{
    private readonly IReadOnlyList<string> _inputNames = [.. spec.Mappers.Select(m => m.InputName)];
    private readonly IReadOnlyList<Type> _inputTypes = [.. spec.Mappers.Select(m => m.InputType)];

    public override string Name => spec.Name;

    public override IReadOnlyList<string> InputNames => _inputNames;

    public override IReadOnlyList<Type> InputTypes => _inputTypes;

    public override Type? ParametersType => spec.Parameters.Type;

    public override bool SortsByKey => spec.RangePartitioned;

    public override bool WritesRecords => TKind.WritesRecords;

    public override IReadOnlyList<Type> TypesWithoutCodec => spec.Codecs.WithoutCodec();

    internal override IReadOnlyList<JobMapper<TKey, TValue>> Mappers => spec.Mappers;

    public override JobRunPlan PrepareRun(JobInput[] inputs, TaskContext context, int partitionCount, IPayloadCodec codec)
    {
        spec.Check(inputs, context);
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        byte[]? parameters = context.Encode(codec);
        IReadOnlyList<JobInput> runInputs = inputs;
        TKey[]? splitPoints = null;
        if (spec.RangePartitioned && partitionCount > 1)
        {
            runInputs = [.. inputs.Select((input, i) => spec.Mappers[i].Materialize(input, spec.Name))];
            splitPoints = SampleSplitPoints(runInputs, context, partitionCount);
        }

        return new JobRunPlan(RunDataEncoding.Encode(parameters, splitPoints, spec.Codecs, codec), runInputs);
    }

    public override IEnumerable<MapTaskInput> SplitInput(int inputIndex, JobInput input, long splitBytes, int batchSize, IPayloadCodec codec)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(inputIndex, spec.Mappers.Count);
        return spec.Mappers[inputIndex].Split(inputIndex, input, splitBytes, batchSize, codec, spec.Name);
    }

    public override MapTaskResult RunMapTask(MapTaskInput input, TaskSettings settings, CancellationToken cancellationToken) =>
        MapTaskRunner<TJob, TKey, TValue, TSlot, TSide, TResult>.Run(spec, input, settings, cancellationToken);

    public override PartitionReducer CreateReducer(int partition, TaskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(partition, settings.PartitionCount);
        return new TaskPartitionReducer<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult>(spec, partition, settings, TKind.WritesRecords);
    }

    public override TOutput CreateOutput(IReadOnlyList<ReadOnlyMemory<byte>> partitions, MapReduceStatistics statistics, IPayloadCodec codec)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(statistics);
        var decoded = new (TKey[] Keys, TResult[] Results)[partitions.Count];
        for (int p = 0; p < decoded.Length; p++)
        {
            decoded[p] = OutputEncoding.Decode(partitions[p].Span, spec.Codecs, codec);
        }

        var settings = new OutputSettings<TKey, TResult>(KeyComparison<TKey>.Of<TJob>(spec.Layout.HasKeyComparer), spec.Layout.SortByKey, spec.Layout.OutputComparer, null);
        return TKind.FromPartitions(decoded, settings, statistics);
    }

    public override MapReduceException ToException(TaskFailure failure, IPayloadCodec codec) =>
        TaskFailures.ToException(failure, spec.Name, spec.Codecs, codec);

    internal override (TKey[] Keys, object Items) DecodeOutput(ReadOnlyMemory<byte> partition, IPayloadCodec codec)
    {
        (TKey[] keys, TResult[] items) = OutputEncoding.Decode(partition.Span, spec.Codecs, codec);
        return (keys, items);
    }

    internal override TOutput Run(JobInput[] inputs, TaskContext context, MapReduceOptions? options, CancellationToken cancellationToken)
    {
        spec.Check(inputs, context);
        return inputs.Any(i => i.IsAsync)
            ? LocalExecutor<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult>
                .RunAsync<TOutput, TKind>(spec, inputs, context, options, cancellationToken).GetAwaiter().GetResult()
            : LocalExecutor<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult>
                .Run<TOutput, TKind>(spec, inputs, context, options, cancellationToken);
    }

    internal override Task<TOutput> RunAsync(JobInput[] inputs, TaskContext context, MapReduceOptions? options, CancellationToken cancellationToken)
    {
        spec.Check(inputs, context);
        return inputs.Any(i => i.IsAsync)
            ? LocalExecutor<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult>
                .RunAsync<TOutput, TKind>(spec, inputs, context, options, cancellationToken)
            : Task.Run(
                () => LocalExecutor<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult>
                    .Run<TOutput, TKind>(spec, inputs, context, options, cancellationToken),
                cancellationToken);
    }

    internal override async IAsyncEnumerable<object> StreamAsync(
        JobInput[] inputs, TaskContext context, MapReduceOptions? options, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        spec.Check(inputs, context);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delivery = new StreamDelivery<TKey, TResult, object>(
            static (partition, count, entries, records, isLast) => TKind.WritesRecords
                ? Outputs.RecordPartition(partition, count, records, isLast)
                : Outputs.Partition(partition, count, entries, isLast),
            stop.Token);
        Task<MapReduceStatistics> run = RunDelivered(inputs, context, options, delivery, stop.Token);
        try
        {
            // Each part goes out when the next has come, so the last one can carry the statistics of the ended run.
            object? held = null;
            await foreach (object part in delivery.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (held is not null)
                {
                    yield return held;
                }

                held = part;
            }

            MapReduceStatistics statistics = await run.ConfigureAwait(false);
            if (held is not null)
            {
                yield return held switch
                {
                    MapReducePartition<TKey, TResult> last => Outputs.Partition(last.Partition, last.PartitionCount, last.Entries, last.IsLast, statistics),
                    MapReduceRecordPartition<TResult> last => Outputs.RecordPartition(last.Partition, last.PartitionCount, last.Records, last.IsLast, statistics),
                    _ => held,
                };
            }
        }
        finally
        {
            // The caller stopped early (or the run failed): stop the run and wait for it, so its spill files are gone.
            // Cancel, not CancelAsync: the callbacks (the run's stop flag) must run now, not from a work item queued
            // behind map workers that hold every pool thread until they see that flag (they then mapped to the end).
            stop.Cancel();
            await ((Task)run).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    internal override async Task<MapReduceFileOutput> RunToFilesAsync(
        JobInput[] inputs, TaskContext context, string directory, MapReduceFileFormat format, MapReduceOptions? options, CancellationToken cancellationToken)
    {
        spec.Check(inputs, context);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Use MapReduceFileFormat.Tsv or MapReduceFileFormat.JsonLines.");
        }

        (string output, string work) = MapReduceOutputFiles.Begin(directory, spec.Name);
        try
        {
            var delivery = new FileDelivery<TKey, TValue, TResult>(new PartitionFileTarget(work, format, "local"), spec.Codecs, spec.Name);
            MapReduceStatistics statistics = await RunDelivered(inputs, context, options, delivery, cancellationToken).ConfigureAwait(false);
            return Outputs.Files(output, MapReduceOutputFiles.Commit(output, work, delivery.Files, spec.Name), statistics);
        }
        finally
        {
            MapReduceOutputFiles.Abort(work);
        }
    }

    // A local run whose partitions go to the delivery as they are reduced; a failure reaches the delivery too (a
    // streaming caller sees it from its enumeration).
    private async Task<MapReduceStatistics> RunDelivered(
        JobInput[] inputs, TaskContext context, MapReduceOptions? options, PartitionDelivery<TKey, TResult> delivery, CancellationToken cancellationToken)
    {
        try
        {
            return await LocalExecutor<TJob, TKey, TValue, TSlot, TSide, TReducer, TResult>.RunDeliveredAsync<TOutput, TKind>(
                spec, inputs, context, options, delivery, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            delivery.Fail(failure);
            throw;
        }
    }

    // Key ranges for a total order, chosen before the map phase from the keys the job's mappers emit for a sample of
    // each input (mapped here, on the calling thread), so every map task partitions by the same split points.
    private TKey[] SampleSplitPoints(IReadOnlyList<JobInput> inputs, TaskContext context, int partitions)
    {
        var samples = new List<TKey>();
        int wanted = Math.Max(1, partitions * SplitPoints.SamplesPerPartition / inputs.Count);
        for (int i = 0; i < inputs.Count; i++)
        {
            TaskContext sampling = context.ForTask();
            try
            {
                spec.Mappers[i].SampleKeys(inputs[i], wanted, sampling, samples);
            }
            finally
            {
                sampling.EndTask(); // the sampling task's state, if the mapper takes one
            }
        }

        try
        {
            return SplitPoints.Choose(samples, partitions, KeyComparison<TKey>.Of<TJob>(spec.Layout.HasKeyComparer).Compare);
        }
        catch (InvalidOperationException e) when (e.InnerException is { } inner)
        {
            throw MapReduceException.ForKey(spec.Name, null, inner);
        }
    }
}
