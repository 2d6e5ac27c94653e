namespace MapReduceGen.Orleans.Tests.Infrastructure;

/// <summary>Collects progress reports synchronously (unlike <see cref="Progress{T}"/>, which posts them).</summary>
public sealed class ListProgress(List<MapReduceProgress> reports) : IProgress<MapReduceProgress>
{
    public void Report(MapReduceProgress value)
    {
        lock (reports)
        {
            reports.Add(value);
        }
    }
}
