using System.Globalization;
using MapReduceGen;

namespace Sample.WordCount;

/// <summary>A live progress line on standard error: bytes done of total, rate and time left.</summary>
internal sealed class ProgressLine(TextWriter error) : IProgress<MapReduceProgress>
{
    private const double Mebibyte = 1024 * 1024;

    public void Report(MapReduceProgress value)
    {
        double seconds = Math.Max(value.Elapsed.TotalSeconds, 0.001);
        double done = value.BytesRead / Mebibyte;
        double total = (value.TotalBytes ?? value.BytesRead) / Mebibyte;
        double rate = done / seconds;
        string eta = rate > 0 && total > done
            ? ((total - done) / rate).ToString("F0", CultureInfo.InvariantCulture) + " s left"
            : value.Phase == MapReducePhase.Map ? "" : value.Phase.ToString().ToLowerInvariant();
        error.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"\r{done,8:F1} of {total:F1} MiB  {rate,7:F1} MiB/s  {eta,-12}"));
        if (value.Phase == MapReducePhase.Completed)
        {
            error.WriteLine();
        }

        error.Flush();
    }
}
