using System.Collections.Concurrent;
using System.Diagnostics;
using MapReduceGen.Engine;

namespace MapReduceGen.Backend.Tests;

/// <summary>
/// A backend written against the public task kit only: map tasks and reduce tasks on ThreadPool threads ("nodes"), map
/// output read partition by partition as bytes (as a network fetch would), task inputs rebuilt from their plain
/// properties on the "node" (as a wire would), failures carried as <see cref="TaskFailure"/> data and rebuilt into the
/// local runner's exception. It can lose a map task's output after the task completed and run the task again.
/// </summary>
internal sealed class InProcessBackend(JsonPayloadCodec codec)
{
    /// <summary>Map tasks whose first output is thrown away (a node lost after the task completed): each runs twice.</summary>
    public ISet<int> LoseOutputOf { get; } = new HashSet<int>();

    public int MapTasksRun { get; private set; }

    /// <summary>What each task may hold in memory before it spills to <see cref="SpillDirectory"/> (0: the kit's default).</summary>
    public long TaskMemoryBudget { get; init; }

    /// <summary>Where tasks spill (<see langword="null"/>: the temporary folder).</summary>
    public string? SpillDirectory { get; init; }

    /// <summary>How many items of a sequence one map task maps.</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>How many map outputs of the last run were kept on local disk (their tasks spilled).</summary>
    public int MapOutputsOnDisk { get; private set; }

    /// <summary>The bytes the last run's reduce tasks moved to local disk.</summary>
    public long ReduceBytesSpilled { get; private set; }

    public Task<TOutput> RunAsync<TKey, TValue, TOutput>(
        JobDefinition<TKey, TValue, TOutput> job, JobInput[] inputs, TaskContext context, int partitions) =>
        Task.Run(() =>
        {
            var (outputs, statistics) = Execute(job, inputs, context, partitions, file: null);
            return job.CreateOutput(outputs.Select(o => o.Output).ToArray(), statistics, codec);
        });

    public Task<MapReduceFileOutput> RunToFilesAsync<TKey, TValue, TOutput>(
        JobDefinition<TKey, TValue, TOutput> job, JobInput[] inputs, TaskContext context, int partitions, string directory, MapReduceFileFormat format) =>
        Task.Run(() =>
        {
            (string output, string work) = MapReduceOutputFiles.Begin(directory, job.Name);
            try
            {
                var (results, statistics) = Execute(job, inputs, context, partitions, new PartitionFileTarget(work, format, "attempt-1"));
                IReadOnlyList<MapReduceOutputFile> files = MapReduceOutputFiles.Commit(output, work, [.. results.Select(r => r.File!)], job.Name);
                return Outputs.Files(output, files, statistics);
            }
            finally
            {
                MapReduceOutputFiles.Abort(work);
            }
        });

    private (ReduceTaskResult[] Outputs, MapReduceStatistics Statistics) Execute<TKey, TValue, TOutput>(
        JobDefinition<TKey, TValue, TOutput> job, JobInput[] inputs, TaskContext context, int partitions, PartitionFileTarget? file)
    {
        var clock = Stopwatch.StartNew();
        JobRunPlan plan = job.PrepareRun(inputs, context, partitions, codec);
        var settings = new TaskSettings
        {
            Codec = codec, PartitionCount = partitions, RunData = plan.RunData.ToArray(), MemoryBudget = TaskMemoryBudget, SpillDirectory = SpillDirectory,
        };
        var tasks = new List<MapTaskInput>();
        for (int i = 0; i < plan.Inputs.Count; i++)
        {
            tasks.AddRange(job.SplitInput(i, plan.Inputs[i], splitBytes: 4096, batchSize: BatchSize, codec));
        }

        var results = new MapTaskResult[tasks.Count];
        Parallel.For(0, tasks.Count, id =>
        {
            MapTaskResult result = job.RunMapTask(OverTheWire(tasks[id]), settings, CancellationToken.None);
            if (LoseOutputOf.Contains(id) && result.Failure is null)
            {
                result.Dispose();
                result = job.RunMapTask(OverTheWire(tasks[id]), settings, CancellationToken.None);
            }

            results[id] = result;
        });
        MapTasksRun = tasks.Count + LoseOutputOf.Count(id => id < tasks.Count);
        MapOutputsOnDisk = results.Count(r => r.IsOnDisk);
        if (results.FirstOrDefault(r => r.Failure is not null) is { Failure: { } mapFailure })
        {
            throw job.ToException(mapFailure, codec);
        }

        var outputs = new ReduceTaskResult[partitions];
        var counters = new ConcurrentDictionary<string, long>();
        Parallel.For(0, partitions, partition =>
        {
            using PartitionReducer reducer = job.CreateReducer(partition, settings);
            for (int id = results.Length - 1; id >= 0; id--)
            {
                reducer.Add(id, Fetch(results[id], partition));
            }

            outputs[partition] = reducer.Complete(file, CancellationToken.None);
        });
        if (outputs.FirstOrDefault(r => r.Failure is not null) is { Failure: { } reduceFailure })
        {
            throw job.ToException(reduceFailure, codec);
        }

        ReduceBytesSpilled = outputs.Sum(o => o.BytesSpilled);
        foreach (var counter in results.SelectMany(r => r.Statistics!.Counters).Concat(outputs.SelectMany(o => o.Counters)))
        {
            counters.AddOrUpdate(counter.Key, counter.Value, (_, total) => total + counter.Value);
        }

        var statistics = new MapReduceStatistics
        {
            JobName = job.Name,
            InputsRead = results.Sum(r => r.Statistics!.InputsRead),
            PairsEmitted = results.Sum(r => r.Statistics!.PairsEmitted),
            DistinctKeys = outputs.Sum(o => o.Count),
            PartitionCount = partitions,
            WorkerCount = Environment.ProcessorCount,
            TotalTime = clock.Elapsed,
            BytesSpilled = results.Sum(r => r.Statistics!.BytesSpilled) + outputs.Sum(o => o.BytesSpilled),
            Counters = new Dictionary<string, long>(counters),
        };
        foreach (MapTaskResult result in results)
        {
            result.Dispose();
        }

        return (outputs, statistics);
    }

    // A task's input as a node would receive it: rebuilt from its plain properties, the batch copied.
    private static MapTaskInput OverTheWire(MapTaskInput input) =>
        input.Split is { } split
            ? MapTaskInput.ForSplit(input.InputIndex, split with { })
            : MapTaskInput.ForItems(input.InputIndex, input.Items.ToArray(), input.FirstItemIndex, input.ItemCount);

    // One partition of a map output, fetched in small chunks as a network fetch would.
    private static byte[] Fetch(MapTaskResult result, int partition)
    {
        var bytes = new byte[result.PartitionLength(partition)];
        long offset = 0;
        while (offset < bytes.Length)
        {
            offset += result.ReadPartition(partition, offset, bytes.AsSpan((int)offset, (int)Math.Min(1000, bytes.Length - offset)));
        }

        return bytes;
    }
}
