using System.Diagnostics;
using System.Diagnostics.Metrics;
using MapReduceGen.Extensions;
using MapReduceGen.Runtime.Tests.Inputs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MapReduceGen.Runtime.Tests.Telemetry;

/// <summary>
/// A local run seen from outside: its metrics equal its statistics, its span has the phases' and tasks' spans under it,
/// a failed run's span says so, and the container's options log every run.
/// </summary>
public sealed class TelemetryTests
{
    private const string Job = "MapReduceGen.Runtime.Tests.Telemetry.WatchedWordCount";

    [Fact]
    public void A_local_run_records_its_statistics_and_traces_its_phases_and_tasks()
    {
        using var directory = new TempDirectory();
        string[] lines = [.. Enumerable.Range(0, 4000).Select(i => i % 997 == 0 ? "bad line" : $"w{i % 50} w{i % 7} x")];
        File.WriteAllLines(Path.Combine(directory.Path, "a.txt"), lines);
        var options = new MapReduceOptions { MaxDegreeOfParallelism = 2, PartitionCount = 3, MaxBadRecords = 10 };
        MapReduceResult<string, int> result;
        var capture = new TelemetryCapture();
        using (capture)
        {
            var source = TextSource.FromPaths(directory.Path);
            source.SplitBytes = 4096;
            result = WatchedWordCount.Run(source, options);
        }

        MapReduceStatistics statistics = result.Statistics;
        Assert.Equal(Job, statistics.JobName);
        Assert.Equal(5, statistics.BadRecordsSkipped);

        // What a dashboard shows for this input: 4000 lines (5 of them bad: 0, 997, 1994, 2991, 3988), three words on
        // each good one, the words w0..w49 and x, and every byte of the file.
        Assert.Equal(4000, capture.Sum("mapreducegen.inputs.read", Job));
        Assert.Equal(5, capture.Sum("mapreducegen.records.skipped", Job));
        Assert.Equal(3995 * 3, capture.Sum("mapreducegen.pairs.emitted", Job));
        Assert.Equal(51, capture.Sum("mapreducegen.keys", Job));
        Assert.Equal(new FileInfo(Path.Combine(directory.Path, "a.txt")).Length, capture.Sum("mapreducegen.bytes.read", Job));

        IReadOnlyList<Activity> spans = capture.Spans(Job);
        Activity run = Assert.Single(spans, s => s.OperationName == "mapreducegen.run");
        Assert.Equal("local", TelemetryCapture.Tag(run, "mapreducegen.executor"));
        Assert.Equal("completed", TelemetryCapture.Tag(run, "mapreducegen.outcome"));
        Assert.Equal(statistics.WorkerCount.ToString(), TelemetryCapture.Tag(run, "mapreducegen.workers"));
        Assert.Equal("3", TelemetryCapture.Tag(run, "mapreducegen.partitions"));
        Assert.Equal(ActivityStatusCode.Unset, run.Status);
        Activity map = Assert.Single(spans, s => s.OperationName == "mapreducegen.map");
        Activity reduce = Assert.Single(spans, s => s.OperationName == "mapreducegen.reduce");
        Assert.Equal(run.SpanId, map.ParentSpanId);
        Assert.Equal(run.SpanId, reduce.ParentSpanId);
        Assert.True(map.StartTimeUtc <= reduce.StartTimeUtc);

        // A span per map worker that ran (the caller claims a worker the pool never started) and per partition.
        List<Activity> mapTasks = [.. spans.Where(s => s.OperationName == "mapreducegen.map_task")];
        List<Activity> reduceTasks = [.. spans.Where(s => s.OperationName == "mapreducegen.reduce_task")];
        Assert.InRange(mapTasks.Count, 1, statistics.WorkerCount);
        Assert.All(mapTasks, t => Assert.Equal(map.SpanId, t.ParentSpanId));
        Assert.Equal(3, reduceTasks.Count);
        Assert.All(reduceTasks, t => Assert.Equal(reduce.SpanId, t.ParentSpanId));
        Assert.Equal(["0", "1", "2"], reduceTasks.Select(t => TelemetryCapture.Tag(t, "mapreducegen.task")).Order());

        // The counters are the statistics, tagged with the job, the executor and the phase.
        Assert.Equal(statistics.InputsRead, capture.Sum("mapreducegen.inputs.read", Job, "map"));
        Assert.Equal(statistics.PairsEmitted, capture.Sum("mapreducegen.pairs.emitted", Job, "map"));
        Assert.Equal(statistics.BytesRead, capture.Sum("mapreducegen.bytes.read", Job, "map"));
        Assert.True(statistics.BytesRead > 0);
        Assert.Equal(statistics.BadRecordsSkipped, capture.Sum("mapreducegen.records.skipped", Job, "map"));
        Assert.Equal(statistics.DistinctKeys, capture.Sum("mapreducegen.keys", Job, "reduce"));
        Assert.Equal(statistics.BytesSpilled, capture.Sum("mapreducegen.bytes.spilled", Job));
        Assert.Equal(mapTasks.Count, capture.Sum("mapreducegen.tasks.completed", Job, "map"));
        Assert.Equal(3, capture.Sum("mapreducegen.tasks.completed", Job, "reduce"));
        Assert.Equal(mapTasks.Count, capture.Count("mapreducegen.task.duration", Job, "map"));
        Assert.Equal(3, capture.Count("mapreducegen.task.duration", Job, "reduce"));
        Assert.Equal(1, capture.Count("mapreducegen.run.duration", Job, outcome: "completed"));
        Assert.Equal(0, capture.Sum("mapreducegen.task.attempts", Job));
        Assert.Equal(new HashSet<string?> { "local" }, capture.Executors("mapreducegen.inputs.read", Job));
    }

    [Fact]
    public async Task A_streamed_run_is_one_span_with_its_phases()
    {
        var capture = new TelemetryCapture();
        long keys = 0;
        using (capture)
        {
            await foreach (MapReducePartition<string, int> part in WatchedWordCount.StreamAsync(["a b", "b c", "c d"], new MapReduceOptions { PartitionCount = 2 }))
            {
                keys += part.Entries.Count;
            }
        }

        Assert.Equal(4, keys);
        IReadOnlyList<Activity> spans = capture.Spans(Job);
        Activity run = Assert.Single(spans, s => s.OperationName == "mapreducegen.run");
        Assert.Equal("completed", TelemetryCapture.Tag(run, "mapreducegen.outcome"));
        Assert.Equal(run.SpanId, Assert.Single(spans, s => s.OperationName == "mapreducegen.map").ParentSpanId);
        Assert.Equal(run.SpanId, Assert.Single(spans, s => s.OperationName == "mapreducegen.reduce").ParentSpanId);
        Assert.Equal(4, capture.Sum("mapreducegen.keys", Job));
    }

    [Fact]
    public void A_failed_run_ends_its_span_with_an_error_status_and_the_exception()
    {
        var capture = new TelemetryCapture();
        using (capture)
        {
            Assert.Throws<MapReduceException>(() => WatchedWordCount.Run(["fine", "bad line", "fine"], new MapReduceOptions { MaxDegreeOfParallelism = 1 }));
        }

        IReadOnlyList<Activity> spans = capture.Spans(Job);
        Activity run = Assert.Single(spans, s => s.OperationName == "mapreducegen.run");
        Assert.Equal(ActivityStatusCode.Error, run.Status);
        Assert.Equal("failed", TelemetryCapture.Tag(run, "mapreducegen.outcome"));
        Assert.Equal(typeof(MapReduceException).FullName, TelemetryCapture.Tag(run, "error.type"));
        ActivityEvent exception = Assert.Single(run.Events, e => e.Name == "exception");
        Assert.Contains(exception.Tags, t => t.Key == "exception.type" && (string?)t.Value == typeof(MapReduceException).FullName);
        Assert.DoesNotContain(spans, s => s.OperationName == "mapreducegen.reduce");
        Assert.Single(spans, s => s.OperationName == "mapreducegen.map");
        Assert.Equal(1, capture.Count("mapreducegen.run.duration", Job, outcome: "failed"));
        Assert.Equal(0, capture.Count("mapreducegen.run.duration", Job, outcome: "completed"));
    }

    [Fact]
    public void A_run_is_a_child_of_the_callers_span_and_leaves_it_current()
    {
        using var callerSource = new ActivitySource("MapReduceGen.Runtime.Tests.Caller");
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source == callerSource,
            // Recorded: OpenTelemetry's default sampler (parent-based) drops the children of an unrecorded span.
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var capture = new TelemetryCapture();
        Activity? caller;
        using (capture)
        {
            using (caller = callerSource.StartActivity("caller"))
            {
                WatchedWordCount.Run(["a b", "c"], new MapReduceOptions { MaxDegreeOfParallelism = 2 });
                Assert.Same(caller, Activity.Current);
            }
        }

        Activity run = Assert.Single(capture.Spans(Job), s => s.OperationName == "mapreducegen.run");
        Assert.Equal(caller!.TraceId, run.TraceId);
        Assert.Equal(caller.SpanId, run.ParentSpanId);
    }

    [Fact]
    public void A_word_count_over_known_inputs_records_exact_counts_through_a_meter_listener()
    {
        using var listener = new MeasurementRecorder(Job);
        WatchedWordCount.Run(["a b a", "b c", "a", ""], new MapReduceOptions { MaxDegreeOfParallelism = 2, PartitionCount = 2 });
        WatchedWordCount.Run(["d"], new MapReduceOptions { MaxDegreeOfParallelism = 1, PartitionCount = 1 });

        // Two runs: 4 + 1 inputs, 6 + 1 pairs, 3 (a, b, c) + 1 (d) keys, 2 + 1 reduce tasks, a duration each.
        Assert.Equal(5, listener.Sum("mapreducegen.inputs.read"));
        Assert.Equal(7, listener.Sum("mapreducegen.pairs.emitted"));
        Assert.Equal(4, listener.Sum("mapreducegen.keys"));
        Assert.Equal(0, listener.Sum("mapreducegen.records.skipped"));
        Assert.Equal(0, listener.Sum("mapreducegen.bytes.spilled"));
        Assert.Equal(3, listener.Sum("mapreducegen.tasks.completed", phase: "reduce"));
        Assert.Equal(2, listener.Count("mapreducegen.run.duration"));
        Assert.All(listener.Tags("mapreducegen.run.duration", "mapreducegen.outcome"), o => Assert.Equal("completed", o));
        Assert.All(listener.Tags("mapreducegen.inputs.read", "mapreducegen.phase"), p => Assert.Equal("map", p));
        Assert.All(listener.Tags("mapreducegen.keys", "mapreducegen.phase"), p => Assert.Equal("reduce", p));
        Assert.All(listener.Tags("mapreducegen.keys", "mapreducegen.executor"), e => Assert.Equal("local", e));
    }

    [Fact]
    public void Bytes_spilled_under_a_tiny_budget_are_the_statistics_bytes_spilled()
    {
        using var spill = new TempDirectory();
        string[] lines = [.. Enumerable.Range(0, 6000).Select(i => $"k{i} k{(i * 7) % 5000} k{(i * 13) % 4999}")];
        var options = new MapReduceOptions { MaxDegreeOfParallelism = 2, MemoryBudget = 32 * 1024, SpillDirectory = spill.Path };
        MapReduceResult<string, int> result;
        var capture = new TelemetryCapture();
        using (capture)
        {
            result = WatchedWordCount.Run(lines, options);
        }

        Assert.True(result.Statistics.BytesSpilled > 0, "the budget forced the tables to disk");
        Assert.Equal(result.Statistics.BytesSpilled, capture.Sum("mapreducegen.bytes.spilled", Job));
        Assert.Equal(result.Count, capture.Sum("mapreducegen.keys", Job));
        Assert.Equal(18_000, capture.Sum("mapreducegen.pairs.emitted", Job));
    }

    [Fact]
    public void An_observer_is_told_once_of_a_start_and_once_of_a_failure()
    {
        var observer = new CountingObserver();
        var error = Assert.Throws<MapReduceException>(
            () => WatchedWordCount.Run(["a", "bad line"], new MapReduceOptions { MaxDegreeOfParallelism = 1, PartitionCount = 2, Observer = observer }));

        Assert.Equal((1, 0, 1), (observer.Started, observer.Completed, observer.Failed));
        Assert.Same(error, observer.LastException);
        Assert.Equal(Job, observer.Last.JobName);
        Assert.Equal(2, observer.Last.PartitionCount);
        Assert.Equal(1, observer.Last.WorkerCount);
    }

    [Fact]
    public void An_observer_that_throws_on_a_failure_does_not_hide_the_runs_exception()
    {
        var observer = new ThrowingObserver();
        var error = Assert.Throws<MapReduceException>(
            () => WatchedWordCount.Run(["bad line"], new MapReduceOptions { MaxDegreeOfParallelism = 1, Observer = observer }));

        Assert.IsType<InvalidDataException>(error.InnerException);
        Assert.Equal(1, observer.Failures);
    }

    [Fact]
    public async Task An_observer_is_told_once_of_a_completed_asynchronous_run()
    {
        var observer = new CountingObserver();
        var result = await WatchedWordCount.RunAsync(["a b", "c"], new MapReduceOptions { Observer = observer, PartitionCount = 3 });

        Assert.Equal((1, 1, 0), (observer.Started, observer.Completed, observer.Failed));
        Assert.Equal(3, observer.Last.PartitionCount);
        Assert.Same(result.Statistics, observer.LastStatistics);
    }

    [Fact]
    public void The_guide_lists_every_instrument_of_the_meter_and_no_other()
    {
        // The meter's instruments exist once a run has touched them.
        WatchedWordCount.Run(["a"]);
        var published = new HashSet<string>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == MapReduceTelemetry.MeterName)
                {
                    lock (published)
                    {
                        published.Add(instrument.Name);
                    }
                }
            };
            listener.Start();
        }

        string guide = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "guide.md")).ReplaceLineEndings("\n");
        int start = guide.IndexOf("<!-- instruments -->", StringComparison.Ordinal);
        int end = guide.IndexOf("<!-- /instruments -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/guide.md marks its table of instruments with <!-- instruments --> and <!-- /instruments -->");
        HashSet<string> documented = [.. System.Text.RegularExpressions.Regex.Matches(guide[start..end], @"^\| `(mapreducegen\.[a-z_.]+)`", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => m.Groups[1].Value)];

        Assert.NotEmpty(documented);
        Assert.Equal(published.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_container_gives_each_service_its_own_options_whose_runs_are_logged()
    {
        var logs = new LogCollector();
        using ServiceProvider services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .AddMapReduce(o => o.MaxDegreeOfParallelism = 2)
            .BuildServiceProvider();
        var first = services.GetRequiredService<MapReduceOptions>();
        var second = services.GetRequiredService<MapReduceOptions>();
        Assert.NotSame(first, second);
        Assert.Equal(2, first.MaxDegreeOfParallelism);
        Assert.IsType<MapReduceRunLogger>(first.Observer);

        MapReduceResult<string, int> result = WatchedWordCount.Run(["a b", "b"], first);
        Assert.Throws<MapReduceException>(() => WatchedWordCount.Run(["bad line"], second));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        first.CancellationToken = cancelled.Token;
        Assert.ThrowsAny<OperationCanceledException>(() => WatchedWordCount.Run(["a"], first));

        var entries = logs.Entries.Where(e => e.Category == typeof(MapReduceRunLogger).FullName).ToList();
        Assert.Contains(entries, e => e.Level == LogLevel.Information && e.Message.StartsWith($"MapReduce run of job {Job} started (local): ", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Level == LogLevel.Information && e.Message.Contains($"{Job} completed (local)", StringComparison.Ordinal)
            && e.Message.Contains($"{result.Statistics.InputsRead} inputs, {result.Statistics.PairsEmitted} pairs, {result.Count} keys", StringComparison.Ordinal));
        var failed = Assert.Single(entries, e => e.Level == LogLevel.Warning);
        Assert.IsType<MapReduceException>(failed.Exception);
        Assert.Contains(entries, e => e.Level == LogLevel.Information && e.Message.Contains("was cancelled (local)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_observer_set_by_the_caller_is_kept_and_told_once_per_run()
    {
        var observer = new CountingObserver();
        using ServiceProvider services = new ServiceCollection()
            .AddMapReduce(o => o.Observer = observer)
            .BuildServiceProvider();

        WatchedWordCount.Run(["a b"], services.GetRequiredService<MapReduceOptions>());

        Assert.Equal((1, 1, 0), (observer.Started, observer.Completed, observer.Failed));
        Assert.Equal(Job, observer.Last.JobName);
        Assert.Equal("local", observer.Last.Executor);
    }

    private sealed class CountingObserver : MapReduceRunObserver
    {
        public int Started { get; private set; }

        public int Completed { get; private set; }

        public int Failed { get; private set; }

        public MapReduceRunInfo Last { get; private set; }

        public MapReduceStatistics? LastStatistics { get; private set; }

        public Exception? LastException { get; private set; }

        public override void RunStarted(MapReduceRunInfo run) => (Started, Last) = (Started + 1, run);

        public override void RunCompleted(MapReduceRunInfo run, MapReduceStatistics statistics) =>
            (Completed, Last, LastStatistics) = (Completed + 1, run, statistics);

        public override void RunFailed(MapReduceRunInfo run, Exception exception) =>
            (Failed, Last, LastException) = (Failed + 1, run, exception);
    }

    private sealed class ThrowingObserver : MapReduceRunObserver
    {
        public int Failures { get; private set; }

        public override void RunFailed(MapReduceRunInfo run, Exception exception)
        {
            Failures++;
            throw new InvalidOperationException("the observer failed too");
        }
    }

    /// <summary>The measurements of the MapReduceGen meter tagged with one job, through a <see cref="MeterListener"/>.</summary>
    private sealed class MeasurementRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = [];
        private readonly string _job;

        public MeasurementRecorder(string job)
        {
            _job = job;
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == MapReduceTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            _listener.Start();
        }

        public long Sum(string instrument, string? phase = null) =>
            (long)Select(instrument).Where(m => phase is null || TagOf(m.Tags, "mapreducegen.phase") == phase).Sum(m => m.Value);

        public int Count(string instrument) => Select(instrument).Count;

        public IReadOnlyList<string?> Tags(string instrument, string tag) => [.. Select(instrument).Select(m => TagOf(m.Tags, tag))];

        public void Dispose() => _listener.Dispose();

        private List<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> Select(string instrument)
        {
            lock (_measurements)
            {
                return [.. _measurements.Where(m => m.Instrument == instrument)];
            }
        }

        private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            KeyValuePair<string, object?>[] copy = tags.ToArray();
            if (TagOf(copy, "mapreducegen.job") != _job)
            {
                return;
            }

            lock (_measurements)
            {
                _measurements.Add((instrument.Name, value, copy));
            }
        }

        private static string? TagOf(KeyValuePair<string, object?>[] tags, string name) =>
            tags.FirstOrDefault(t => t.Key == name).Value?.ToString();
    }


    private sealed class LogCollector : ILoggerProvider
    {
        private readonly List<(string Category, LogLevel Level, string Message, Exception? Exception)> _entries = [];

        public IReadOnlyList<(string Category, LogLevel Level, string Message, Exception? Exception)> Entries
        {
            get
            {
                lock (_entries)
                {
                    return [.. _entries];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCollector owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._entries)
                {
                    owner._entries.Add((category, logLevel, formatter(state, exception), exception));
                }
            }
        }
    }
}

/// <summary>A word count whose mapper throws on "bad line", used by the telemetry tests only (their metrics are filtered by its name).</summary>
internal static partial class WatchedWordCount
{
    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        if (line == "bad line")
        {
            throw new InvalidDataException("a bad line");
        }

        foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            emit.Emit(word, 1);
        }
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
