namespace MapReduceGen;

/// <summary>
/// The names under which runs are measured and traced, for <c>AddMeter</c> and <c>AddSource</c> of OpenTelemetry (or a
/// <see cref="System.Diagnostics.Metrics.MeterListener"/> and an <see cref="System.Diagnostics.ActivityListener"/>).
/// Nothing is measured or traced until something listens: a run with no listener makes no span and records nothing.
/// </summary>
/// <remarks>
/// The meter's instruments (tags <c>mapreducegen.job</c>, <c>mapreducegen.executor</c> (<c>local</c> or <c>orleans</c>)
/// and <c>mapreducegen.phase</c> (<c>map</c> or <c>reduce</c>)): counters <c>mapreducegen.inputs.read</c>,
/// <c>mapreducegen.pairs.emitted</c>, <c>mapreducegen.bytes.read</c>, <c>mapreducegen.bytes.spilled</c>,
/// <c>mapreducegen.records.skipped</c>, <c>mapreducegen.keys</c>, <c>mapreducegen.tasks.completed</c>,
/// <c>mapreducegen.task.attempts</c> and <c>mapreducegen.shuffle.bytes</c> (cluster runs), histograms
/// <c>mapreducegen.task.duration</c> and <c>mapreducegen.run.duration</c> (tag <c>mapreducegen.outcome</c> instead of the
/// phase). Spans: <c>mapreducegen.run</c> per run, <c>mapreducegen.map</c> and <c>mapreducegen.reduce</c> per phase,
/// <c>mapreducegen.map_task</c> and <c>mapreducegen.reduce_task</c> per task (a local worker or partition; a cluster task
/// on its silo, in the run's trace). docs/api.md lists them with their units and tags.
/// </remarks>
public static class MapReduceTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> every executor records into: <c>MapReduceGen</c>.</summary>
    public const string MeterName = "MapReduceGen";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> of the runs', phases' and tasks' spans: <c>MapReduceGen</c>.</summary>
    public const string ActivitySourceName = "MapReduceGen";
}
