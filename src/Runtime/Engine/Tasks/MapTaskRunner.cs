using System.Diagnostics;
using MapReduceGen.Engine.Definitions;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Engine.Ordering;
using MapReduceGen.Engine.Reduce;
using MapReduceGen.Engine.Spill;
using MapReduceGen.Engine.Tables;

namespace MapReduceGen.Engine.Tasks;

/// <summary>
/// One map task of a backend (<see cref="JobDefinition{TKey, TValue, TOutput}.RunMapTask"/>), on the local runner's own
/// pieces: a <see cref="MapTask{TJob, TMapper, TInput, TKey, TValue, TSlot, TSide}"/> of the input's mapper into one
/// <see cref="MapSink{TKey, TValue, TSlot}"/>, ended by <see cref="MapOutputBuilder"/> (the stable hash, the job's
/// partitioner, or the run's key ranges), each partition encoded by <see cref="PieceEncoding"/>. A task whose table
/// outgrows its share of the memory budget spills sorted runs to local disk as a local worker does, and at its end
/// merges them with its last table into one sorted run per partition, kept in a local file for the reduce tasks to fetch
/// (the MapReduce paper's map output on the mapper's local disk).
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
        long budget = settings.ResolveMemoryBudget();
        var options = new MapReduceOptions
        {
            MaxBadRecords = settings.MaxBadRecords, MaxDegreeOfParallelism = 1, MemoryBudget = budget, SpillDirectory = settings.SpillDirectory,
        };
        using var state = new RunState(TJob.Name, options, cancellationToken)
        {
            InputName = spec.Mappers.Count > 1 ? mapper.InputName : null,
        };
        var sink = MapSink<TKey, TValue, TSlot>.Create<TJob, TSide>();
        using var spill = new SpillSession<TJob, TKey, TValue, TSlot, TSide, TResult>(spec, state, 1, settings.PartitionCount, budget, splitPoints);
        TaskFailure? configuration;
        Exception? endFailure;
        try
        {
            configuration = mapper.MapTask<TJob, TSlot, TSide>(input, sink, state, context, settings.Codec, new TaskSpill(spill, sink));
        }
        finally
        {
            // The map task's state (the job's [TaskSetup]) ends with its mapping, failed or not.
            endFailure = context.EndTask();
        }

        if (configuration is not null)
        {
            return new MapTaskResult(configuration);
        }

        try
        {
            if (endFailure is not null)
            {
                state.Fail(MapReduceException.ForCallback(TJob.Name, MapReducePhase.Map, input.Split?.Path, "the task state's Dispose threw", endFailure));
            }

            state.ThrowIfStopped();
        }
        catch (MapReduceException failure)
        {
            return new MapTaskResult(TaskFailures.From(failure, spec.Codecs, settings.Codec, settings.MaxBadRecords));
        }

        (byte[]?[]? Partitions, TaskOutputFile? File) output;
        try
        {
            output = StoredKeyDispatch.Run<TJob, TKey, (byte[]?[]?, TaskOutputFile?), Encoder>(new Encoder(spec, sink, settings, spill));
        }
        catch (MapReduceException failure)
        {
            return new MapTaskResult(TaskFailures.From(failure, spec.Codecs, settings.Codec));
        }

        IReadOnlyList<SkippedRecord> skipped = state.SkippedRecords;
        var statistics = new MapTaskStatistics
        {
            InputsRead = state.InputsRead,
            PairsEmitted = state.PairsEmitted,
            BytesRead = input.Split?.Length ?? 0,
            SkippedRecords = skipped,
            SkippedCount = (skipped as SkippedRecordList)?.TotalCount ?? skipped.Count,
            Counters = context.Counters.ToDictionary(),
            Duration = clock.Elapsed,
            BytesSpilled = spill.BytesSpilled,
        };
        return output.File is { } file ? new MapTaskResult(file, statistics) : new MapTaskResult(output.Partitions!, statistics);
    }

    /// <summary>The task's way to disk.</summary>
    private sealed class TaskSpill(SpillSession<TJob, TKey, TValue, TSlot, TSide, TResult> session, MapSink<TKey, TValue, TSlot> sink) : IMapSpill
    {
        public long Share => session.WorkerShare;

        public void Spill() => session.Spill(0, sink);
    }

    private readonly struct Encoder(
        JobSpec<TKey, TValue, TResult> spec, MapSink<TKey, TValue, TSlot> sink, TaskSettings settings, SpillSession<TJob, TKey, TValue, TSlot, TSide, TResult> spill)
        : IStoredKeyAction<(byte[]?[]?, TaskOutputFile?)>
    {
        public (byte[]?[]?, TaskOutputFile?) Run<TStored, TOps>()
            where TOps : struct, IKeyOps<TStored>
        {
            MapOutput<TStored, TSlot, TValue> output;
            try
            {
                output = MapOutputBuilder.Build(sink.Table<TStored, TOps>(), sink.Values, settings.PartitionCount, spill.Selector<TStored>());
            }
            catch (KeyFailure failure)
            {
                // The job's partitioner (or key order) threw for a key while the task's output was partitioned.
                throw failure.ToException(TJob.Name, MapReducePhase.Map, "the partitioner threw");
            }

            if (spill.HasSpilled)
            {
                try
                {
                    return (null, Merge<TStored, TOps>(output));
                }
                catch (KeyFailure failure)
                {
                    // The map side's combiner threw while the task's runs were merged, or a key's values do not fit.
                    throw failure.ToException(TJob.Name, MapReducePhase.Reduce, "the reducer threw");
                }
            }

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

            return (encoded, null);
        }

        // The task spilled: every partition of its runs and its last table merged into one sorted run, in a local file.
        private TaskOutputFile Merge<TStored, TOps>(MapOutput<TStored, TSlot, TValue> last)
            where TOps : struct, IKeyOps<TStored>
        {
            MergeOrder<TKey, TStored> order = spill.Order<TStored>();
            ValueCodec<TSlot> slotCodec = spec.Codecs.Slot<TSlot>()!;
            SpillFolder folder = SpillFolder.Create(settings.SpillDirectory, spec.Name);
            string path = folder.NewFile("map-output");
            var offsets = new long[settings.PartitionCount];
            var lengths = new long[settings.PartitionCount];
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.SequentialScan);
                var buffer = new ValueWriter(1 << 20);
                var row = new ValueWriter();
                long position = 0;
                for (int p = 0; p < offsets.Length; p++)
                {
                    var sources = new List<MergeSource<TStored, TSlot, TValue>>();
                    List<RunSection> runs = [];
                    List<RunSection> sections = runs;
                    try
                    {
                        // A task that spilled many runs merges a bounded number at once: groups of them first, into runs
                        // of its own (equal keys combined as the final merge combines them).
                        int partition = p;
                        SpillSession<TJob, TKey, TValue, TSlot, TSide, TResult> session = spill;
                        runs = [.. spill.RunsOf(0)
                            .Where(run => run.Count(partition) > 0)
                            .Select(run => new RunSection(run.Path, run.Offset(partition), run.Length(partition)))];
                        sections = RunNarrowing<TKey, TValue, TSlot, TSide, TResult>.Narrow<TStored, TOps>(
                            runs, RunNarrowing<TKey, TValue, TSlot, TSide, TResult>.MaxOpenRuns, order, spec.Codecs, slotCodec,
                            settings.ResolveMemoryBudget(), () => session.NewFile($"p{partition}"), () => session.StopRequested, spec.Name);
                        foreach (RunSection section in sections)
                        {
                            sources.Add(new FileSource<TKey, TStored, TSlot, TValue, TResult>(
                                section.Path, section.Offset, section.Length, spec.Codecs, slotCodec, TSide.KeepsValues, spec.Name));
                        }

                        Piece<TStored, TSlot, TValue> piece = last.Partition(p);
                        if (piece.Length > 0)
                        {
                            sources.Add(new MemorySource<TStored, TSlot, TValue>(piece, order.Sort(piece.EntryArray, piece.Start, piece.Length)));
                        }

                        offsets[p] = position + buffer.Length;
                        if (sources.Count > 0)
                        {
                            buffer.WriteByte(PieceFormat.SortedRun);
                            TypedCodecs<TKey, TValue, TResult> codecs = spec.Codecs;
                            MergedCombine<TKey, TValue, TSlot, TSide>.Run(sources, order, default(TOps), settings.ResolveMemoryBudget(), (entry, values) =>
                            {
                                RunRows.Write(buffer, row, entry, values, codecs, slotCodec);
                                if (buffer.Length >= 1 << 20)
                                {
                                    file.Write(buffer.WrittenSpan);
                                    position += buffer.Length;
                                    buffer.Clear();
                                }
                            });
                        }

                        lengths[p] = position + buffer.Length - offsets[p];
                    }
                    finally
                    {
                        foreach (MergeSource<TStored, TSlot, TValue> source in sources)
                        {
                            source.Dispose();
                        }

                        RunNarrowing<TKey, TValue, TSlot, TSide, TResult>.DeleteMade(runs, sections);
                    }
                }

                file.Write(buffer.WrittenSpan);
                file.Flush();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                folder.Dispose();
                throw MapReduceException.ForSpill(spec.Name, path, e);
            }
            catch
            {
                folder.Dispose();
                throw;
            }

            return new TaskOutputFile(folder, path, offsets, lengths);
        }
    }
}
