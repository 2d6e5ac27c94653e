using MapReduceGen.Backend.Tests.Jobs;
using MapReduceGen.Engine;

namespace MapReduceGen.Backend.Tests;

/// <summary>
/// A third executor, written outside the engine against its public task kit alone, runs generated jobs of every kind
/// and gets exactly what the local runner gets: results, records in their total order, counters, failures named the
/// same way, re-executed map tasks counted once, files committed.
/// </summary>
public sealed class InProcessBackendTests : IDisposable
{
    private static readonly string[] Lines = TextOf(2_000, seed: 11);
    private readonly TempDirectory _temp = new("mrg-backend-");
    private readonly JsonPayloadCodec _codec = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_job_with_parameters_a_combiner_and_counters_gives_the_local_result()
    {
        var filter = new LengthFilter(4);
        var local = LongWords.Run(Lines, filter);
        var backend = new InProcessBackend(_codec);

        var remote = await backend.RunAsync(
            LongWords.MapReduceJob.Definition, [JobInputs.Sequence(Lines)], TaskContext.For(filter), partitions: 5);

        Assert.Equal(local.OrderBy(e => e.Key, StringComparer.Ordinal), remote.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(local.Statistics.Counters, remote.Statistics.Counters);
        Assert.True(backend.MapTasksRun > 5, "the input is cut into many map tasks");
    }

    [Fact]
    public async Task Text_files_are_split_and_read_by_the_tasks_themselves()
    {
        string path = Path.Combine(_temp.Path, "words.txt");
        File.WriteAllLines(path, Lines);
        var filter = new LengthFilter(3);
        var local = LongWords.Run(TextSource.FromFiles(path), filter);

        var remote = await new InProcessBackend(_codec).RunAsync(
            LongWords.MapReduceJob.Definition, [JobInputs.Lines(TextSource.FromFiles(path))], TaskContext.For(filter), partitions: 3);

        Assert.Equal(local.OrderBy(e => e.Key, StringComparer.Ordinal), remote.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(0, _codec.Encoded - 1); // only the parameters went through the backend's serializer
    }

    [Fact]
    public async Task Records_of_a_job_sorted_by_key_come_in_the_same_total_order()
    {
        var local = InitialsByLength.Run(Lines);

        var remote = await new InProcessBackend(_codec).RunAsync(
            InitialsByLength.MapReduceJob.Definition, [JobInputs.Sequence(Lines)], TaskContext.Empty(), partitions: 4);

        Assert.Equal(local.ToArray(), remote.ToArray());
        Assert.True(remote.Count > 30, "many keys over four key ranges");
    }

    [Fact]
    public async Task A_map_task_run_again_after_its_output_was_lost_is_counted_once()
    {
        var filter = new LengthFilter(1);
        var local = LongWords.Run(Lines, filter);
        var backend = new InProcessBackend(_codec);
        backend.LoseOutputOf.Add(0);
        backend.LoseOutputOf.Add(3);

        var remote = await backend.RunAsync(LongWords.MapReduceJob.Definition, [JobInputs.Sequence(Lines)], TaskContext.For(filter), partitions: 2);

        Assert.Equal(local.OrderBy(e => e.Key, StringComparer.Ordinal), remote.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_failing_mapper_is_reported_as_the_local_runner_reports_it()
    {
        int[] inputs = [.. Enumerable.Range(0, 500)];
        var filter = new LengthFilter(321);
        var local = Assert.Throws<MapReduceException>(() => Boom.Run(inputs, filter));

        var remote = await Assert.ThrowsAsync<MapReduceException>(() => new InProcessBackend(_codec).RunAsync(
            Boom.MapReduceJob.Definition, [JobInputs.Sequence(inputs)], TaskContext.For(filter), partitions: 3));

        Assert.Equal(local.Message, remote.Message);
        Assert.Equal(321, remote.InputIndex);
        Assert.Equal(MapReducePhase.Map, remote.Phase);
        Assert.IsType<InvalidOperationException>(remote.InnerException);
    }

    [Fact]
    public async Task A_partitioner_that_answers_at_random_fails_the_run_naming_it_as_the_local_runner_does()
    {
        int[] inputs = [.. Enumerable.Range(0, 5_000)];
        var local = Assert.Throws<MapReduceException>(() => RandomPartitioner.Run(inputs, new MapReduceOptions { PartitionCount = 4 }));

        var remote = await Assert.ThrowsAsync<MapReduceException>(() => new InProcessBackend(_codec).RunAsync(
            RandomPartitioner.MapReduceJob.Definition, [JobInputs.Sequence(inputs)], TaskContext.Empty(), partitions: 4));

        Assert.Contains("the partitioner failed", local.Message, StringComparison.Ordinal);
        Assert.Contains("the partitioner failed", remote.Message, StringComparison.Ordinal);
        Assert.Equal(MapReducePhase.Reduce, remote.Phase);
        Assert.Contains("[Partitioner]", remote.InnerException!.Message, StringComparison.Ordinal);
        Assert.IsType<int>(remote.Key);
    }

    [Fact]
    public async Task Partitions_written_as_files_are_committed_with_a_success_marker()
    {
        string output = Path.Combine(_temp.Path, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "part-00009.tsv"), "stale\t1\n");
        var filter = new LengthFilter(5);
        var local = LongWords.Run(Lines, filter);

        MapReduceFileOutput files = await new InProcessBackend(_codec).RunToFilesAsync(
            LongWords.MapReduceJob.Definition, [JobInputs.Sequence(Lines)], TaskContext.For(filter), 3, output, MapReduceFileFormat.Tsv);

        Assert.Equal(
            ["_SUCCESS", "part-00000.tsv", "part-00001.tsv", "part-00002.tsv"],
            Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var read = files.Files.SelectMany(f => File.ReadAllLines(f.Path)).Select(l => l.Split('\t')).ToDictionary(f => f[0], f => f[1]);
        Assert.Equal(local.Count, read.Count);
        Assert.All(local, e => Assert.Equal(e.Value, read[e.Key]));
    }

    [Fact]
    public async Task Tasks_past_their_memory_budget_spill_on_both_sides_and_give_the_local_result()
    {
        string[] lines = ManyWordsOf(6_000, distinct: 40_000, seed: 5);
        string spill = Path.Combine(_temp.Path, "spill");
        Directory.CreateDirectory(spill);
        var filter = new LengthFilter(1);
        var local = LongWords.Run(lines, filter);
        var backend = new InProcessBackend(_codec) { TaskMemoryBudget = 256 << 10, SpillDirectory = spill, BatchSize = 2_000 };

        var remote = await backend.RunAsync(LongWords.MapReduceJob.Definition, [JobInputs.Sequence(lines)], TaskContext.For(filter), partitions: 2);

        Assert.Equal(local.OrderBy(e => e.Key, StringComparer.Ordinal), remote.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(local.Statistics.Counters, remote.Statistics.Counters);
        Assert.Equal(3, backend.MapOutputsOnDisk); // every map task's table outgrew its budget and was merged into one local file
        Assert.True(backend.ReduceBytesSpilled > 0, "the reduce tasks' fetched outputs outgrew their budget");
        Assert.True(remote.Statistics.BytesSpilled > backend.ReduceBytesSpilled, $"spilled {remote.Statistics.BytesSpilled} bytes");
        Assert.Empty(Directory.GetFileSystemEntries(spill)); // the tasks' files are gone once their results are disposed
    }

    [Fact]
    public async Task A_total_order_survives_spilling_map_and_reduce_tasks()
    {
        string[] lines = ManyWordsOf(6_000, distinct: 40_000, seed: 8);
        var local = SortedWords.Run(lines);
        var backend = new InProcessBackend(_codec) { TaskMemoryBudget = 256 << 10, SpillDirectory = _temp.Path, BatchSize = 1_500 };

        var remote = await backend.RunAsync(SortedWords.MapReduceJob.Definition, [JobInputs.Sequence(lines)], TaskContext.Empty(), partitions: 3);

        Assert.Equal(local.ToArray(), remote.ToArray());
        Assert.Equal(4, backend.MapOutputsOnDisk);
        Assert.True(remote.Statistics.BytesSpilled > 0);
        Assert.Equal(lines.Sum(l => l.Split(' ').Length), remote.Sum(e => (long)e.Value));
    }

    [Fact]
    public async Task A_spilled_partition_is_written_to_its_file_as_merged()
    {
        string[] lines = ManyWordsOf(4_000, distinct: 30_000, seed: 3);
        string output = Path.Combine(_temp.Path, "sorted");
        var local = SortedWords.Run(lines);
        var backend = new InProcessBackend(_codec) { TaskMemoryBudget = 128 << 10, SpillDirectory = _temp.Path, BatchSize = 1_000 };

        MapReduceFileOutput files = await backend.RunToFilesAsync(
            SortedWords.MapReduceJob.Definition, [JobInputs.Sequence(lines)], TaskContext.Empty(), 2, output, MapReduceFileFormat.Tsv);

        string[] written = [.. files.Files.SelectMany(f => File.ReadAllLines(f.Path))];
        Assert.Equal(local.Select(e => $"{e.Key}\t{e.Value}"), written);
        Assert.True(backend.ReduceBytesSpilled > 0);
    }

    [Fact]
    public async Task A_reduce_task_with_hundreds_of_map_outputs_on_disk_keeps_their_order_and_one_combined_value_per_map_task()
    {
        // 200 map tasks of 10 numbers each, a reduce task whose 4 KB budget moves their outputs to disk: more than a merge
        // reads at once, so it merges them in groups first. Values still come in map task order, and a combiner's grouping
        // reducer still sees one combined value per map task that had the key (the groups keep them apart).
        int[] numbers = [.. Enumerable.Range(0, 2_000)];
        string spill = Path.Combine(_temp.Path, "spill");
        Directory.CreateDirectory(spill);
        var backend = new InProcessBackend(_codec) { TaskMemoryBudget = 4 << 10, SpillDirectory = spill, BatchSize = 10 };

        var values = await backend.RunAsync(ResidueValues.MapReduceJob.Definition, [JobInputs.Sequence(numbers)], TaskContext.Empty(), partitions: 1);
        var partials = await backend.RunAsync(ResiduePartials.MapReduceJob.Definition, [JobInputs.Sequence(numbers)], TaskContext.Empty(), partitions: 1);

        Assert.Equal(200, backend.MapTasksRun);
        Assert.True(backend.ReduceBytesSpilled > 0, "the fetched outputs went to disk");
        Assert.Equal(50, values.Count);
        Assert.All(values, e => Assert.Equal(string.Join(',', numbers.Where(n => n % 50 == e.Key)), e.Value));
        Assert.Equal(50, partials.Count);
        Assert.All(partials, e => Assert.Equal($"40/{numbers.Where(n => n % 50 == e.Key).Sum()}", e.Value));
        Assert.Empty(Directory.GetFileSystemEntries(spill));
    }

    [Fact]
    public void A_reduce_task_completed_or_disposed_refuses_more_work_instead_of_returning_an_empty_partition()
    {
        JobDefinition<int, int, MapReduceResult<int, string>> job = ResidueValues.MapReduceJob.Definition;
        JobRunPlan plan = job.PrepareRun([JobInputs.Sequence(new[] { 1, 2, 3 })], TaskContext.Empty(), 1, _codec);
        var settings = new TaskSettings { Codec = _codec, PartitionCount = 1, RunData = plan.RunData.ToArray() };
        using PartitionReducer completed = job.CreateReducer(0, settings);
        ReduceTaskResult first = completed.Complete(null, CancellationToken.None);
        using PartitionReducer disposed = job.CreateReducer(0, settings);
        disposed.Dispose();

        Assert.Null(first.Failure);
        Assert.Throws<InvalidOperationException>(() => completed.Complete(null, CancellationToken.None));
        Assert.Throws<InvalidOperationException>(() => disposed.Complete(null, CancellationToken.None));
    }

    // Lines of ten words each drawn from many distinct words, so a task's table holds thousands of keys.
    private static string[] ManyWordsOf(int lines, int distinct, int seed)
    {
        var random = new Random(seed);
        var result = new string[lines];
        for (int i = 0; i < lines; i++)
        {
            result[i] = string.Join(' ', Enumerable.Range(0, 10).Select(_ => "w" + random.Next(distinct).ToString("x", System.Globalization.CultureInfo.InvariantCulture)));
        }

        return result;
    }

    // Lines of words from a small alphabet, so words repeat across map tasks.
    private static string[] TextOf(int lines, int seed)
    {
        var random = new Random(seed);
        var result = new string[lines];
        for (int i = 0; i < lines; i++)
        {
            result[i] = string.Join(' ', Enumerable.Range(0, 8).Select(_ => new string((char)('a' + random.Next(6)), random.Next(1, 7))));
        }

        return result;
    }
}
