using System.Diagnostics;
using MapReduceGen.Engine.Definitions;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Reduce;

namespace MapReduceGen.Engine.Tasks;

/// <summary>
/// One map task of a backend (<see cref="JobDefinition{TKey, TValue, TOutput}.RunMapTask"/>), on the local runner's own
/// pieces: a <see cref="MapTask{TJob, TMapper, TInput, TKey, TValue, TSlot, TSide}"/> of the input's mapper into one
/// <see cref="MapSink{TKey, TValue, TSlot}"/>, ended by <see cref="MapOutputBuilder"/> (the stable hash, the job's
/// partitioner, or the run's key ranges), each partition encoded by <see cref="PieceEncoding"/>.
/// </summary>
internal static class MapTaskRunner<TJob, TKey, TValue, TSlot, TSide, TResult>
    where TJob : struct, IKeyedJob<TKey>
    where TSide : IMapSide<TValue, TSlot>
{
    public static MapTaskResult Run(JobSpec<TKey, TValue, TResult> spec, MapTaskInput input, TaskSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();
        if ((uint)input.InputIndex >= (uint)spec.Mappers.Count)
        {
            return new MapTaskResult(TaskFailure.Configuration(
                $"A map task of MapReduce job '{TJob.Name}' maps input {input.InputIndex}, but the job has {spec.Mappers.Count}."));
        }

        JobMapper<TKey, TValue> mapper = spec.Mappers[input.InputIndex];
        (byte[]? parameters, TKey[]? splitPoints) = RunDataEncoding.Decode(settings.RunData.Span, spec.Codecs, settings.Codec);
        TaskContext context = spec.Parameters.Decode(settings.Codec, parameters);
        var options = new MapReduceOptions { MaxBadRecords = settings.MaxBadRecords, MaxDegreeOfParallelism = 1 };
        using var state = new RunState(TJob.Name, options, cancellationToken)
        {
            InputName = spec.Mappers.Count > 1 ? mapper.InputName : null,
        };
        var sink = MapSink<TKey, TValue, TSlot>.Create<TJob, TSide>();
        if (mapper.MapTask<TJob, TSlot, TSide>(input, sink, state, context, settings.Codec) is { } configuration)
        {
            return new MapTaskResult(configuration);
        }

        try
        {
            state.ThrowIfStopped();
        }
        catch (MapReduceException failure)
        {
            return new MapTaskResult(TaskFailures.From(failure, spec.Codecs, settings.Codec, settings.MaxBadRecords));
        }

        byte[]?[] partitions;
        try
        {
            partitions = StoredKeyDispatch.Run<TJob, TKey, byte[]?[], Encoder>(new Encoder(spec, sink, settings, splitPoints));
        }
        catch (KeyFailure failure)
        {
            // The job's partitioner (or key order) threw for a key while the task's output was partitioned.
            return new MapTaskResult(TaskFailures.From(
                MapReduceException.ForPartitioner(TJob.Name, failure.Key, failure.InnerException!), spec.Codecs, settings.Codec));
        }

        IReadOnlyList<SkippedRecord> skipped = state.SkippedRecords;
        return new MapTaskResult(partitions, new MapTaskStatistics
        {
            InputsRead = state.InputsRead,
            PairsEmitted = state.PairsEmitted,
            BytesRead = input.Split?.Length ?? 0,
            SkippedRecords = skipped,
            SkippedCount = (skipped as SkippedRecordList)?.TotalCount ?? skipped.Count,
            Counters = context.Counters.ToDictionary(),
            Duration = clock.Elapsed,
        });
    }

    private readonly struct Encoder(JobSpec<TKey, TValue, TResult> spec, MapSink<TKey, TValue, TSlot> sink, TaskSettings settings, TKey[]? splitPoints)
        : IStoredKeyAction<byte[]?[]>
    {
        public byte[]?[] Run<TStored, TOps>()
            where TOps : struct, IKeyOps<TStored>
        {
            PartitionSelector<TStored>? selector = spec.Layout.Partitioner is { } partitioner
                ? new CustomPartitionSelector<TKey, TStored>(partitioner)
                : splitPoints is not null
                    ? new RangePartitionSelector<TKey, TStored>(splitPoints, KeyComparison<TKey>.Of<TJob>(spec.Layout.HasKeyComparer))
                    : null;
            MapOutput<TStored, TSlot, TValue> output = MapOutputBuilder.Build(sink.Table<TStored, TOps>(), sink.Values, settings.PartitionCount, selector);
            var encoded = new byte[]?[settings.PartitionCount];
            var writer = new ValueWriter();
            for (int p = 0; p < encoded.Length; p++)
            {
                Piece<TStored, TSlot, TValue> piece = output.Partition(p);
                if (piece.Length > 0)
                {
                    writer.Clear();
                    PieceEncoding.Encode(writer, piece, TSide.KeepsValues, spec.Codecs, settings.Codec);
                    encoded[p] = writer.ToArray();
                }
            }

            return encoded;
        }
    }
}
