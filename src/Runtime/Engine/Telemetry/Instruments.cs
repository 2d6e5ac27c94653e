using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MapReduceGen.Engine.Telemetry;

/// <summary>
/// The process's one <see cref="Meter"/> and one <see cref="ActivitySource"/> named <see cref="MapReduceTelemetry.MeterName"/>,
/// versioned with this assembly, and the meter's instruments. Every executor records through <see cref="RunTelemetry"/>.
/// </summary>
internal static class Instruments
{
    public const string JobTag = "mapreducegen.job";
    public const string ExecutorTag = "mapreducegen.executor";
    public const string PhaseTag = "mapreducegen.phase";
    public const string OutcomeTag = "mapreducegen.outcome";
    public const string WorkersTag = "mapreducegen.workers";
    public const string PartitionsTag = "mapreducegen.partitions";
    public const string TaskTag = "mapreducegen.task";
    public const string AttemptTag = "mapreducegen.attempt";

    public const string RunSpan = "mapreducegen.run";
    public const string MapSpan = "mapreducegen.map";
    public const string ReduceSpan = "mapreducegen.reduce";
    public const string MapTaskSpan = "mapreducegen.map_task";
    public const string ReduceTaskSpan = "mapreducegen.reduce_task";

    // The package's version (written by the build, PackageVersion.g.cs): no reflection.
    private const string Version = PackageVersion.Value;

    // Seconds, from a few milliseconds (a small task) to ten minutes (a large one).
    private static readonly InstrumentAdvice<double> Durations = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
    };

    public static readonly ActivitySource Source = new(MapReduceTelemetry.ActivitySourceName, Version);

    public static readonly Meter Meter = new(MapReduceTelemetry.MeterName, Version);

    public static readonly Counter<long> InputsRead = Meter.CreateCounter<long>(
        "mapreducegen.inputs.read", "{input}", "Inputs (lines, for text) mapped, skipped bad records included.");

    public static readonly Counter<long> PairsEmitted = Meter.CreateCounter<long>(
        "mapreducegen.pairs.emitted", "{pair}", "Pairs the mappers emitted (those of skipped records excluded).");

    public static readonly Counter<long> BytesRead = Meter.CreateCounter<long>(
        "mapreducegen.bytes.read", "By", "Bytes of text read by the map tasks.");

    public static readonly Counter<long> BytesSpilled = Meter.CreateCounter<long>(
        "mapreducegen.bytes.spilled", "By", "Bytes written to spill files because a task outgrew its memory budget.");

    public static readonly Counter<long> RecordsSkipped = Meter.CreateCounter<long>(
        "mapreducegen.records.skipped", "{record}", "Bad records skipped (MaxBadRecords).");

    public static readonly Counter<long> Keys = Meter.CreateCounter<long>(
        "mapreducegen.keys", "{key}", "Keys in the output (records, for a reducer that writes records), as MapReduceStatistics.DistinctKeys counts them.");

    public static readonly Counter<long> TasksCompleted = Meter.CreateCounter<long>(
        "mapreducegen.tasks.completed", "{task}", "Map and reduce tasks completed (each task once, however many attempts it took).");

    public static readonly Counter<long> TaskAttempts = Meter.CreateCounter<long>(
        "mapreducegen.task.attempts", "{attempt}", "Task attempts started on a cluster (re-executions included).");

    public static readonly Counter<long> ShuffleBytes = Meter.CreateCounter<long>(
        "mapreducegen.shuffle.bytes", "By", "Bytes of map output the reduce tasks of a cluster run fetched from the map tasks' silos.");

    public static readonly Histogram<double> TaskDuration = Meter.CreateHistogram(
        "mapreducegen.task.duration", "s", "How long map and reduce tasks took.", tags: null, advice: Durations);

    public static readonly Histogram<double> RunDuration = Meter.CreateHistogram(
        "mapreducegen.run.duration", "s", "How long runs took, by outcome.", tags: null, advice: Durations);

    public static string PhaseName(MapReducePhase phase) => phase == MapReducePhase.Map ? "map" : "reduce";
}
