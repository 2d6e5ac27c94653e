namespace MapReduceGen.Runtime.Tests.Progress;

/// <summary>Records progress reports synchronously (Progress&lt;T&gt; would post them later).</summary>
internal sealed class RecordingProgress : IProgress<MapReduceProgress>
{
    private readonly List<MapReduceProgress> _reports = [];

    public Action<MapReduceProgress>? OnReport { get; init; }

    public IReadOnlyList<MapReduceProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(MapReduceProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }

        OnReport?.Invoke(value);
    }
}
