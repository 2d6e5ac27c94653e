using System.Diagnostics;
using System.Diagnostics.Metrics;
using MapReduceGen.Orleans.Tests.Infrastructure;
using MapReduceGen.Orleans.Tests.Jobs;
using Orleans.TestingHost;

namespace MapReduceGen.Orleans.Tests;

/// <summary>
/// A cluster run seen through the MapReduceGen meter and activity source: the coordinator records each task once, and
/// the task spans the silos make continue the run's trace. The listeners keep only what is tagged with
/// <see cref="TracedWordCount"/>, a job no other test runs.
/// </summary>
public sealed class ClusterTelemetryTests(InMemoryClusterFixture fixture) : IClassFixture<InMemoryClusterFixture>
{
    private static readonly string Job = typeof(TracedWordCount).FullName!;

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_cluster_run_records_its_tasks_into_the_meter_and_its_silo_task_spans_share_the_runs_trace()
    {
        // 1200 lines of 3 words (w0..w39 and x), in map tasks of 100 lines, reduced in 5 partitions.
        string[] lines = [.. Enumerable.Range(0, 1200).Select(i => $"w{i % 40} w{i % 9} x")];
        var spans = new List<Activity>();
        var measurements = new List<(string Instrument, double Value, string? Phase, string? Executor)>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MapReduceTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (Tag(span, "mapreducegen.job") == Job)
                {
                    lock (spans)
                    {
                        spans.Add(span);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(activities);
        using var meter = new MeterListener();
        meter.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MapReduceTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? job = null, phase = null, executor = null;
            foreach (var tag in tags)
            {
                switch (tag.Key)
                {
                    case "mapreducegen.job": job = tag.Value as string; break;
                    case "mapreducegen.phase": phase = tag.Value as string; break;
                    case "mapreducegen.executor": executor = tag.Value as string; break;
                }
            }

            if (job == Job)
            {
                lock (measurements)
                {
                    measurements.Add((instrument.Name, value, phase, executor));
                }
            }
        }

        meter.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        meter.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        meter.Start();

        ClusterRunSummary? summary = null;
        var options = TestClusters.FastFailover();
        options.RunCompleted = s => summary = s;
        var result = await Cluster.Client.MapReduce(options).RunAsync<TracedWordCount.MapReduceJob, string, string, int>(
            lines, new MapReduceOptions { ChunkSize = 100, PartitionCount = 5 });

        Assert.NotNull(summary);
        Assert.Equal(12, summary.MapTasks);
        long Sum(string instrument, string? phase = null)
        {
            lock (measurements)
            {
                return (long)measurements.Where(m => m.Instrument == instrument && (phase is null || m.Phase == phase)).Sum(m => m.Value);
            }
        }

        // The numbers a dashboard shows: every input, pair and key once, each task once, every attempt.
        Assert.Equal(1200, Sum("mapreducegen.inputs.read"));
        Assert.Equal(3600, Sum("mapreducegen.pairs.emitted"));
        Assert.Equal(41, result.Count);
        Assert.Equal(41, Sum("mapreducegen.keys"));
        Assert.Equal(12, Sum("mapreducegen.tasks.completed", "map"));
        Assert.Equal(5, Sum("mapreducegen.tasks.completed", "reduce"));
        Assert.Equal(summary.MapAttempts, Sum("mapreducegen.task.attempts", "map"));
        Assert.Equal(summary.ReduceAttempts, Sum("mapreducegen.task.attempts", "reduce"));
        Assert.Equal(summary.ShuffleBytes, Sum("mapreducegen.shuffle.bytes"));
        Assert.True(summary.ShuffleBytes > 0);
        lock (measurements)
        {
            Assert.Equal(17, measurements.Count(m => m.Instrument == "mapreducegen.task.duration"));
            Assert.Equal(1, measurements.Count(m => m.Instrument == "mapreducegen.run.duration"));
            Assert.All(measurements, m => Assert.Equal("orleans", m.Executor));
        }

        // The run's span, its phases under it, and on the silos a span per task attempt in the same trace.
        List<Activity> traced;
        lock (spans)
        {
            traced = [.. spans];
        }

        Activity run = Assert.Single(traced, s => s.OperationName == "mapreducegen.run");
        Assert.Equal("orleans", Tag(run, "mapreducegen.executor"));
        Assert.Equal("completed", Tag(run, "mapreducegen.outcome"));
        Activity map = Assert.Single(traced, s => s.OperationName == "mapreducegen.map");
        Activity reduce = Assert.Single(traced, s => s.OperationName == "mapreducegen.reduce");
        Assert.Equal(run.SpanId, map.ParentSpanId);
        Assert.Equal(run.SpanId, reduce.ParentSpanId);
        Assert.All(traced, s => Assert.Equal(run.TraceId, s.TraceId));

        List<Activity> mapTasks = [.. traced.Where(s => s.OperationName == "mapreducegen.map_task")];
        List<Activity> reduceTasks = [.. traced.Where(s => s.OperationName == "mapreducegen.reduce_task")];
        // One span per attempt that reached a silo (12 and 5 when no task was run again).
        Assert.InRange(mapTasks.Count, 12, summary.MapAttempts);
        Assert.InRange(reduceTasks.Count, 5, summary.ReduceAttempts);
        Assert.Equal(Enumerable.Range(0, 12), mapTasks.Select(t => (int)t.GetTagItem("mapreducegen.task")!).Distinct().Order());
        Assert.Equal(Enumerable.Range(0, 5), reduceTasks.Select(t => (int)t.GetTagItem("mapreducegen.task")!).Distinct().Order());
        Assert.All(mapTasks, t => Assert.Contains(t.ParentSpanId, new[] { map.SpanId, run.SpanId }));
        Assert.All(reduceTasks, t => Assert.Equal(reduce.SpanId, t.ParentSpanId));
        Assert.All(mapTasks.Concat(reduceTasks), t => Assert.False(string.IsNullOrEmpty(Tag(t, "mapreducegen.silo"))));
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();
}
