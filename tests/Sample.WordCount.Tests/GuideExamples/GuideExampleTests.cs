using MapReduceGen;

namespace Sample.WordCount.Tests.GuideExamples;

/// <summary>
/// Runs the code of docs/guide.md: the jobs in this folder and the calls below are the guide's examples, so the
/// guide's code compiles and does what the guide says.
/// </summary>
public sealed class GuideExampleTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_first_job()
    {
        string[] lines = ["the quick brown fox", "The lazy dog", "the end"];
        MapReduceResult<string, int> counts = WordCount.Run(lines);

        Assert.Equal(3, counts["the"]);
        Assert.Equal(new KeyValuePair<string, int>("the", 3), counts.Top(1)[0]);
        Assert.Equal(7, counts.Count); // the quick brown fox lazy dog end
    }

    [Fact]
    public void Span_keys()
    {
        var counts = SpanWordCount.Run(["a b a", "b a"]);
        Assert.Equal(3L, counts["a"]);
        Assert.Equal(2L, counts["b"]);
    }

    [Fact]
    public void The_seeds_mapper_shape_with_a_list_reducer()
    {
        Document[] documents = [new(1, "red green"), new(2, "green blue"), new(3, "green green")];
        MapReduceResult<string, int[]> index = InvertedIndex.Run(documents);

        Assert.Equal([1, 2, 3], index["green"]);
        Assert.Equal([2], index["blue"]);
    }

    [Fact]
    public void A_span_reducer_with_a_record_struct_key()
    {
        Reading[] readings =
        [
            new("Oslo", new DateOnly(2024, 1, 3), -4.0),
            new("Oslo", new DateOnly(2024, 1, 20), -8.0),
            new("Oslo", new DateOnly(2024, 2, 1), 1.0),
            new("Rome", new DateOnly(2024, 1, 5), 11.5),
        ];
        var averages = MonthlyAverages.Run(readings);

        Assert.Equal(-6.0, averages[new StationMonth("Oslo", 2024, 1)]);
        Assert.Equal(11.5, averages[new StationMonth("Rome", 2024, 1)]);
        Assert.True(averages.TryGetValue(new StationMonth("Oslo", 2024, 2), out var february));
        Assert.Equal(1.0, february);
        Assert.False(averages.ContainsKey(new StationMonth("Rome", 2024, 2)));
    }

    [Fact]
    public void A_tuple_key_with_an_enum()
    {
        string[] logLines =
        [
            "2024-06-01T10:00:00 Error checkout timeout",
            "2024-06-01T10:00:01 Info checkout ok",
            "2024-06-01T10:00:02 Error checkout timeout",
            "2024-06-01T10:00:03 Error search down",
            "garbage",
        ];
        var counts = ErrorsByService.Run(logLines);

        Assert.Equal(2, counts[(Severity.Error, "checkout")]);
        var top = counts.Top(1)[0];
        Assert.Equal((Severity.Error, "checkout"), top.Key);
    }

    [Fact]
    public void Options_and_statistics()
    {
        var lines = Enumerable.Range(0, 10_000).Select(i => $"line {i % 7} of text");
        var progress = new List<MapReduceProgress>();

        var options = new MapReduceOptions
        {
            MaxDegreeOfParallelism = 2,    // workers (default: Environment.ProcessorCount)
            PartitionCount = 16,           // key partitions merged in parallel (default: 4 per worker)
            ChunkSize = 500,               // inputs a worker takes at a time (default: chosen from the input)
            MaxBadRecords = 0,             // inputs whose mapper may throw before the run fails (default 0)
            Progress = new Progress<MapReduceProgress>(p => { lock (progress) { progress.Add(p); } }),
        };
        var counts = WordCount.Run(lines, options);

        MapReduceStatistics stats = counts.Statistics;
        Assert.Equal(10_000, stats.InputsRead);
        Assert.Equal(40_000, stats.PairsEmitted);
        Assert.Equal(counts.Count, stats.DistinctKeys);
        Assert.Equal(2, stats.WorkerCount);
        Assert.Equal(16, stats.PartitionCount);
        Assert.True(stats.TotalTime >= stats.MapTime);
        Assert.Equal(10_000, counts["line"]);

        using var console = new StringWriter();
        console.WriteLine($"{stats.InputsRead} lines, {stats.DistinctKeys} words in {stats.TotalTime}");
        Assert.StartsWith("10000 lines, 10 words in ", console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_and_cancellation()
    {
        var counts = await WordCount.RunAsync(["to be or not to be"]);
        Assert.Equal(2, counts["be"]);

        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => WordCount.RunAsync(Endless(), cancellationToken: cancel.Token));

        string[] lines = ["some", "lines"];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await WordCount.RunAsync(lines, options: null, cancellationToken: timeout.Token);
        Assert.Equal(2, result.Count);
    }

    [Fact]
    public void Text_sources()
    {
        _temp.WriteFile("logs/a.log", "alpha beta\nbeta\n");
        _temp.WriteFile("logs/2024/b.log", "beta gamma\r\n");
        _temp.WriteFile("logs/notes.txt", "not a log\n");

        TextSource source = TextSource.FromPaths(Path.Combine(_temp.Path, "logs", "**", "*.log"));
        using var error = new StringWriter();
        source.SplitStarted = (worker, split) => error.WriteLine($"worker {worker + 1} reading {split.Path}");
        source.InvalidUtf8Found = path => error.WriteLine($"warning: {path} is not valid UTF-8");
        var counts = WordCount.Run(source, new MapReduceOptions { MaxDegreeOfParallelism = 2 });

        Assert.Equal(2, source.Files.Count);
        Assert.Equal(3, counts["beta"]);
        Assert.False(counts.ContainsKey("log"));
        Assert.Equal(source.TotalBytes, counts.Statistics.BytesRead);
        Assert.Equal(2, error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Errors()
    {
        string[] lines = ["apples,3", "pears,x", "apples,4"];

        var failure = Assert.Throws<MapReduceException>(() => StrictParse.Run(lines));
        Assert.Equal(MapReducePhase.Map, failure.Phase);
        Assert.Equal(1, failure.InputIndex);
        Assert.IsType<FormatException>(failure.InnerException);
        Assert.StartsWith(
            "MapReduce job 'Sample.WordCount.Tests.GuideExamples.StrictParse' failed in the map phase at input 1: the mapper threw FormatException: ",
            failure.Message,
            StringComparison.Ordinal);

        string? printed = null;
        try
        {
            StrictParse.Run(lines);
        }
        catch (MapReduceException e)
        {
            printed = e.Message;
        }

        Assert.Equal(failure.Message, printed);

        var tolerant = StrictParse.Run(lines, new MapReduceOptions { MaxBadRecords = 10 });
        Assert.Equal(7L, tolerant["apples"]);
        SkippedRecord skipped = Assert.Single(tolerant.Statistics.SkippedRecords);
        Assert.Equal(1, skipped.InputIndex);
    }

    [Fact]
    public async Task Output_larger_than_memory()
    {
        string corpus = _temp.WriteFile("corpus/a.txt", "b a c\na b\na\n");
        using var output = new StringWriter { NewLine = "\n" };
        await foreach (MapReducePartition<string, int> part in SortedWordCount.StreamAsync(
            TextSource.FromPaths(corpus), new MapReduceOptions { MaxDegreeOfParallelism = 2, PartitionCount = 3 }))
        {
            foreach (var (word, count) in part.Entries)
            {
                output.WriteLine($"{word} {count}");
            }
        }

        Assert.Equal("a 3\nb 2\nc 1\n", output.ToString());

        string[] lines = ["the quick brown fox", "The lazy dog", "the end"];
        string directory = _temp.Combine("out");
        MapReduceFileOutput files = await WordCount.RunToFilesAsync(lines, directory, MapReduceFileFormat.JsonLines);

        Assert.Equal(Path.Combine(directory, "part-00000.jsonl"), files.Files[0].Path);
        Assert.Equal(7, files.Statistics.DistinctKeys);
        Assert.True(File.Exists(Path.Combine(directory, "_SUCCESS")));
        Assert.Contains("{\"key\":\"the\",\"value\":3}", files.Files.SelectMany(f => File.ReadAllLines(f.Path)));
    }

    private static IEnumerable<string> Endless()
    {
        while (true)
        {
            yield return "more words";
        }
    }
}
