using System.Globalization;
using MapReduceGen;

namespace Sample.WordCount;

/// <summary>
/// A live progress line on standard error for a terminal: each report rewrites the line (carriage return)
/// with the share done, bytes done of total, the rate and the time left; the last report leaves a summary
/// line and a line feed. Reports come from the runtime's timer thread one at a time.
/// </summary>
internal sealed class ProgressLine(TextWriter error) : IProgress<MapReduceProgress>
{
    private const double Mebibyte = 1024 * 1024;
    private readonly Lock _gate = new();
    private int _lastLength;

    public void Report(MapReduceProgress value)
    {
        var text = Format(value);
        lock (_gate)
        {
            // Pad over what is left of a longer previous line.
            var padding = Math.Max(0, _lastLength - text.Length);
            error.Write('\r');
            error.Write(text);
            error.Write(new string(' ', padding));
            if (value.Phase == MapReducePhase.Completed)
            {
                error.Write('\n');
                _lastLength = 0;
            }
            else
            {
                _lastLength = text.Length;
            }

            error.Flush();
        }
    }

    /// <summary>The text of the line for one report, without the carriage return and padding.</summary>
    public static string Format(MapReduceProgress value)
    {
        var seconds = Math.Max(value.Elapsed.TotalSeconds, 0.001);
        var done = value.BytesRead / Mebibyte;
        var total = (value.TotalBytes ?? value.BytesRead) / Mebibyte;
        var rate = done / seconds;
        var culture = CultureInfo.InvariantCulture;
        switch (value.Phase)
        {
            case MapReducePhase.Completed:
                return string.Create(culture, $"{total:F1} MiB in {seconds:F1} s ({total / seconds:F1} MiB/s)");
            case MapReducePhase.Reduce:
                return string.Create(
                    culture,
                    $"100.0%  {total:F1} of {total:F1} MiB  {rate:F1} MiB/s  reducing {value.PartitionsReduced}/{value.PartitionCount}");
            default:
                var share = total > 0 ? Math.Min(100.0, 100.0 * done / total) : 0;
                var eta = rate > 0 && total > done ? Eta((total - done) / rate) : "--";
                return string.Create(culture, $"{share,5:F1}%  {done:F1} of {total:F1} MiB  {rate:F1} MiB/s  ETA {eta}");
        }
    }

    private static string Eta(double seconds)
    {
        var whole = (long)Math.Ceiling(seconds);
        return whole < 60
            ? whole.ToString(CultureInfo.InvariantCulture) + " s"
            : string.Create(CultureInfo.InvariantCulture, $"{whole / 60}m{whole % 60:D2}s");
    }
}
