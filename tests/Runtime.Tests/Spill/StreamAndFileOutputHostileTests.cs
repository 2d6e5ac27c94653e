using MapReduceGen.Engine;
using MapReduceGen.Runtime.Tests.Inputs;
using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Spill;

/// <summary>
/// Streamed and file output of runs that spill, used as a careless caller uses them: a stream abandoned after any part,
/// a consumer that throws, one stream enumerated twice at once, output into an existing file or into a directory holding
/// other files (the spill directory itself), a run cancelled while it spills or while it merges. Whatever happens, the
/// caller gets the output or one clear exception, and no spill file is left behind.
/// </summary>
public sealed class StreamAndFileOutputHostileTests : IDisposable
{
    private static readonly string[] Lines = SpillTests.Words(8_000, vocabulary: 30_000, seed: 17);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string SpillPath => Directory.CreateDirectory(_directory.Combine("spill")).FullName;

    [Fact]
    public async Task A_stream_abandoned_after_any_part_stops_the_run_and_leaves_no_spill_file()
    {
        int parts = 0;
        await foreach (var part in Stream(Options()))
        {
            parts++;
        }

        Assert.True(parts > 3, $"{parts} parts");
        for (int stopAt = 0; stopAt < parts; stopAt++)
        {
            int seen = 0;
            await foreach (var part in Stream(Options()))
            {
                if (seen++ == stopAt)
                {
                    break;
                }
            }

            Assert.Equal(stopAt + 1, seen);
            AssertNoSpillFile();
        }
    }

    [Fact]
    public async Task A_consumer_that_throws_gets_its_own_exception_back_and_no_spill_file_is_left()
    {
        for (int throwAt = 0; throwAt < 4; throwAt++)
        {
            int seen = 0;
            var thrown = new InvalidTimeZoneException("the consumer's own");

            var caught = await Assert.ThrowsAsync<InvalidTimeZoneException>(async () =>
            {
                await foreach (var part in Stream(Options()))
                {
                    if (seen++ == throwAt)
                    {
                        throw thrown;
                    }
                }
            });

            Assert.Same(thrown, caught);
            AssertNoSpillFile();
        }
    }

    [Fact]
    public async Task One_stream_enumerated_twice_at_once_runs_twice_and_gives_the_same_output()
    {
        var expected = LineLengthJob.Run(Lines, Options(budget: 0));
        IAsyncEnumerable<MapReducePartition<string, string>> stream = Stream(Options());
        var first = new List<KeyValuePair<string, string>>();
        var second = new List<KeyValuePair<string, string>>();

        await using (IAsyncEnumerator<MapReducePartition<string, string>> a = stream.GetAsyncEnumerator())
        await using (IAsyncEnumerator<MapReducePartition<string, string>> b = stream.GetAsyncEnumerator())
        {
            bool moreA = true;
            bool moreB = true;
            while (moreA || moreB)
            {
                if (moreA && (moreA = await a.MoveNextAsync()))
                {
                    first.AddRange(a.Current.Entries);
                }

                if (moreB && (moreB = await b.MoveNextAsync()))
                {
                    second.AddRange(b.Current.Entries);
                }
            }
        }

        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), first.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(first, second);
        AssertNoSpillFile();
    }

    [Fact]
    public async Task Files_asked_for_in_place_of_an_existing_file_fail_and_leave_the_file_as_it_was()
    {
        string file = _directory.WriteFile("out.txt", "precious");

        var failure = await Assert.ThrowsAsync<MapReduceException>(() => MapReduceEngine.RunToFilesAsync(
            LineLengthJob.MapReduceJob.Definition, [JobInputs.Sequence(Lines)], TaskContext.Empty(), file, MapReduceFileFormat.Tsv, Options()));

        Assert.Contains("writing the output failed", failure.Message, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(file));
        AssertNoSpillFile();
    }

    [Fact]
    public async Task Files_written_into_the_spill_directory_leave_its_other_files_alone()
    {
        // The output directory is the spill directory, and holds a note, a file named like a part, and a folder.
        string output = SpillPath;
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");
        File.WriteAllText(Path.Combine(output, "part-1.tsv"), "mine too");
        Directory.CreateDirectory(Path.Combine(output, "sub"));

        MapReduceFileOutput files = await MapReduceEngine.RunToFilesAsync(
            LineLengthJob.MapReduceJob.Definition, [JobInputs.Sequence(Lines)], TaskContext.Empty(), output, MapReduceFileFormat.Tsv, Options());

        Assert.True(files.Statistics.BytesSpilled > 0);
        Assert.Equal(
            ["_SUCCESS", "notes.txt", "part-00000.tsv", "part-00001.tsv", "part-00002.tsv", "part-1.tsv", "sub"],
            Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "notes.txt")));
        Assert.Equal("mine too", File.ReadAllText(Path.Combine(output, "part-1.tsv")));
        Assert.Equal(LineLengthJob.Run(Lines).Count, files.Files.Sum(f => f.Records));
    }

    [Theory]
    [InlineData("stream", "map")]
    [InlineData("stream", "reduce")]
    [InlineData("files", "map")]
    [InlineData("files", "reduce")]
    [InlineData("run", "map")]
    [InlineData("run", "reduce")]
    public async Task A_run_cancelled_while_it_spills_or_merges_throws_and_leaves_no_file(string output, string phase)
    {
        // Cancelled by the job itself at a fixed point: half-way through the map (after many spills), or after 500 keys of
        // the merge.
        using var cancel = new CancellationTokenSource();
        int calls = 0;
        int at = phase == "map" ? 20_000 : 500;
        Action hook = () =>
        {
            if (Interlocked.Increment(ref calls) == at)
            {
                cancel.Cancel();
            }
        };
        int[] numbers = [.. Enumerable.Range(0, 40_000)];
        HookedInput[] hooked = [.. numbers.Select(i => new HookedInput(i, hook))];
        MapReduceOptions options = Options(budget: 16 * 1024);
        string files = _directory.Combine("out");

        Task run = output switch
        {
            "stream" when phase == "map" => Drain(MapReduceEngine.StreamAsync(
                HookedCountJob.MapReduceJob.Definition, [JobInputs.Sequence(hooked)], TaskContext.Empty(), options, cancel.Token)),
            "stream" => Drain(MapReduceEngine.StreamAsync(
                CancelWhileReducingJob.MapReduceJob.Definition, [JobInputs.Sequence(numbers)], TaskContext.For(hook), options, cancel.Token)),
            "files" when phase == "map" => MapReduceEngine.RunToFilesAsync(
                HookedCountJob.MapReduceJob.Definition, [JobInputs.Sequence(hooked)], TaskContext.Empty(), files, MapReduceFileFormat.Tsv, options, cancel.Token),
            "files" => MapReduceEngine.RunToFilesAsync(
                CancelWhileReducingJob.MapReduceJob.Definition, [JobInputs.Sequence(numbers)], TaskContext.For(hook), files, MapReduceFileFormat.Tsv, options, cancel.Token),
            _ when phase == "map" => MapReduceEngine.RunAsync(
                HookedCountJob.MapReduceJob.Definition, [JobInputs.Sequence(hooked)], TaskContext.Empty(), options, cancel.Token),
            _ => MapReduceEngine.RunAsync(
                CancelWhileReducingJob.MapReduceJob.Definition, [JobInputs.Sequence(numbers)], TaskContext.For(hook), options, cancel.Token),
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        // Stopped long before the end. (A stream cancelled from its own mapper once mapped to the end: the stop reached
        // the workers through a work item queued behind them on a busy pool.)
        Assert.InRange(calls, at, numbers.Length - 1);

        AssertNoSpillFile();
        Assert.True(!Directory.Exists(files) || !Directory.EnumerateFileSystemEntries(files).Any(), "no output file is committed");
    }

    private static async Task Drain<T>(IAsyncEnumerable<T> stream)
    {
        await foreach (T part in stream)
        {
            Assert.NotNull(part);
        }
    }

    private static IAsyncEnumerable<MapReducePartition<string, string>> Stream(MapReduceOptions options) =>
        MapReduceEngine.StreamAsync(LineLengthJob.MapReduceJob.Definition, [JobInputs.Sequence(Lines)], TaskContext.Empty(), options);

    private MapReduceOptions Options(long budget = 16 * 1024) => new()
    {
        MaxDegreeOfParallelism = 2,
        MemoryBudget = budget,
        SpillDirectory = SpillPath,
        PartitionCount = 3,
    };

    private void AssertNoSpillFile() => Assert.Empty(Directory.EnumerateFileSystemEntries(SpillPath, "mapreducegen-spill-*"));
}
