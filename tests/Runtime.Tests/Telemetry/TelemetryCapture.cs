using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MapReduceGen.Runtime.Tests.Telemetry;

/// <summary>
/// The spans and metrics of the MapReduceGen source and meter while it lives, through OpenTelemetry's in-memory
/// exporters (metrics as one final cumulative snapshot, taken when it is disposed). Other tests run at the same time in
/// this process, so readers filter by job.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly TracerProvider _tracer;
    private readonly MeterProvider _meter;
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private bool _disposed;

    public TelemetryCapture()
    {
        _tracer = Sdk.CreateTracerProviderBuilder().AddSource(MapReduceTelemetry.ActivitySourceName).AddInMemoryExporter(_spans).Build()!;
        _meter = Sdk.CreateMeterProviderBuilder().AddMeter(MapReduceTelemetry.MeterName).AddInMemoryExporter(_metrics).Build()!;
    }

    /// <summary>The ended spans of a job's runs (after <see cref="Dispose"/>).</summary>
    public IReadOnlyList<Activity> Spans(string job)
    {
        lock (_spans)
        {
            List<Activity> runs = [.. _spans.Where(s => s.OperationName == "mapreducegen.run" && Tag(s, "mapreducegen.job") == job)];
            return [.. _spans.Where(s => runs.Any(r => r.TraceId == s.TraceId))];
        }
    }

    /// <summary>The sum of a counter's points for a job, those with the given phase only when one is given.</summary>
    public long Sum(string instrument, string job, string? phase = null) =>
        Points(instrument, job, phase).Sum(p => p.GetSumLong());

    /// <summary>The number of measurements a histogram took for a job (and a phase or outcome).</summary>
    public long Count(string instrument, string job, string? phase = null, string? outcome = null) =>
        Points(instrument, job, phase, outcome).Sum(p => p.GetHistogramCount());

    /// <summary>The executor tags of a job's points of an instrument.</summary>
    public IReadOnlySet<string?> Executors(string instrument, string job) =>
        Points(instrument, job).Select(p => TagOf(p, "mapreducegen.executor")).ToHashSet();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _meter.ForceFlush();
        _meter.Dispose();
        _tracer.Dispose();
    }

    public static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    private List<MetricPoint> Points(string instrument, string job, string? phase = null, string? outcome = null)
    {
        Assert.True(_disposed, "read metrics after the capture is disposed (the final snapshot)");
        var points = new List<MetricPoint>();
        // Cumulative snapshots: the last one of the instrument holds everything.
        MetricSnapshot? last = _metrics.LastOrDefault(m => m.Name == instrument);
        foreach (MetricPoint point in last?.MetricPoints ?? [])
        {
            if (TagOf(point, "mapreducegen.job") == job &&
                (phase is null || TagOf(point, "mapreducegen.phase") == phase) &&
                (outcome is null || TagOf(point, "mapreducegen.outcome") == outcome))
            {
                points.Add(point);
            }
        }

        return points;
    }

    private static string? TagOf(MetricPoint point, string name)
    {
        foreach (KeyValuePair<string, object?> tag in point.Tags)
        {
            if (tag.Key == name)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }
}
