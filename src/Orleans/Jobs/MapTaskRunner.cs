using MapReduceGen.Orleans.Wire;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Jobs;

/// <summary>
/// Runs one map task on a silo: reads its inputs (an in-memory batch or a text split), calls the job's mapper for
/// each through an <see cref="Emitter{TKey, TValue}"/> into the task's <see cref="MapSink{TKey, TValue}"/>, and encodes
/// the combined pairs per partition. User exceptions become a <see cref="TaskState.Failed"/> report naming the input
/// (and the key, when a combine threw), as the local runner's <see cref="MapReduceException"/> does; with
/// <see cref="MapReduceOptions.MaxBadRecords"/> above 0, a failing input's pairs are dropped and the input is listed.
/// </summary>
internal static class MapTaskRunner<TJob, TInput, TKey, TValue>
    where TJob : struct, IMapReduceJob<TInput, TKey, TValue>
    where TKey : notnull
{
    public static MapTaskReport Run(
        MapTaskRequest request, Serializer serializer, MapSink<TKey, TValue> sink, CancellationToken cancellationToken)
    {
        if (request.PartitionCount < 1)
        {
            return Faulted($"Map task {request.TaskId} of job '{TJob.Name}' has no partitions.");
        }

        var run = new MapTaskMapping<TJob, TInput, TKey, TValue>(request, serializer, sink);
        long inputs = 0;
        long bytes = 0;
        if (request.Split is { } spec)
        {
            if (typeof(TInput) != typeof(string))
            {
                return Faulted(
                    $"MapReduce job '{TJob.Name}' maps {typeof(TInput).FullName}, not lines of text (string): it cannot read text files.");
            }

            var split = spec.ToTextSplit();
            using var reader = new TextSplitReader();
            try
            {
                reader.Reset(split);
                while (reader.TryReadLine(out var line, out long lineStart))
                {
                    if ((inputs++ & 255) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    if (!run.MapOne((TInput)(object)line.ToString(), out var error))
                    {
                        long number = TextSource.CountLineNumber(split.Path, lineStart);
                        if (run.Fail(error, number - 1, split.Path, number) is { } failed)
                        {
                            return failed;
                        }
                    }
                }
            }
            catch (IOException e)
            {
                // The file is missing or unreadable on this silo: the same error as the local runner's.
                return new MapTaskReport
                {
                    State = TaskState.Failed,
                    Failure = new TaskFailure { Exception = e, Path = split.Path },
                };
            }

            bytes = split.Length;
        }
        else if (request.Inputs is { } encoded)
        {
            TInput[] batch = serializer.Deserialize<TInput[]>(encoded) ?? [];
            for (int i = 0; i < batch.Length; i++)
            {
                if ((i & 255) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                inputs++;
                if (!run.MapOne(batch[i], out var error) &&
                    run.Fail(error, request.FirstInputIndex + i, null, null) is { } failed)
                {
                    return failed;
                }
            }
        }
        else
        {
            return Faulted($"Map task {request.TaskId} of job '{TJob.Name}' has no inputs.");
        }

        return new MapTaskReport
        {
            State = TaskState.Completed,
            Output = new MapTaskOutput
            {
                Partitions = sink.Encode(request.PartitionCount, serializer),
                InputsRead = inputs,
                PairsEmitted = sink.PairsEmitted,
                BytesRead = bytes,
                Skipped = [.. run.Skipped],
            },
        };
    }

    private static MapTaskReport Faulted(string message) =>
        new() { State = TaskState.Faulted, Failure = TaskFailure.Configuration(message) };
}
