using System.Diagnostics;
using System.Globalization;
using CountWordsBaseline;
using Microsoft.Win32.SafeHandles;

// countwords-baseline: the hand-written baseline of the countwords harness (docs/performance.md, "Baselines").
//   countwords-baseline PATH [--workers N] [--stats] [--unit KIB]
// Counts the words of PATH under the countwords rules (a word is a maximal run of bytes that are not ASCII white
// space; A-Z lower-cased, every other byte kept) and prints "word count" lines, count descending, ties bytewise.
const string Usage =
    "usage: countwords-baseline PATH [--workers N] [--stats] [--unit KIB]\n" +
    "  --workers  threads (default: processor count)\n" +
    "  --stats    print timings and peak resident set (VmHWM) on standard error\n" +
    "  --unit     bytes of file a thread claims at a time, in KiB (default 256)";

string? path = null;
int workers = Environment.ProcessorCount;
int unitKiB = 256;
bool stats = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--workers" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int w) && w > 0:
            workers = w;
            i++;
            break;
        case "--unit" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int u) && u > 0 && u <= 1 << 20:
            unitKiB = u;
            i++;
            break;
        case "--stats":
            stats = true;
            break;
        default:
            if (path is not null || args[i].StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"countwords-baseline: unexpected argument '{args[i]}'");
                Console.Error.WriteLine(Usage);
                return 2;
            }

            path = args[i];
            break;
    }
}

if (path is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var clock = Stopwatch.StartNew();
SafeFileHandle file;
try
{
    file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"countwords-baseline: {ex.Message}");
    return 2;
}

using (file)
{
    long size = RandomAccess.GetLength(file);

    // A UTF-8 byte order mark at the start is not text (the harness skips it too).
    Span<byte> head = stackalloc byte[3];
    long dataStart = size >= 3 && RandomAccess.Read(file, head, 0) == 3 && head.SequenceEqual("\uFEFF"u8) ? 3 : 0;

    var counter = new Counter(file, dataStart, size, unitKiB * 1024);
    workers = Math.Max(1, Math.Min(workers, counter.Units));
    WordTable[] tables = counter.Run(workers);
    TimeSpan mapTime = clock.Elapsed;

    // Merge the smaller tables into the largest.
    WordTable result = tables[0];
    foreach (WordTable table in tables)
    {
        if (table.Count > result.Count)
        {
            result = table;
        }
    }

    foreach (WordTable table in tables)
    {
        if (!ReferenceEquals(table, result))
        {
            result.MergeFrom(table);
            table.Dispose();
        }
    }

    TimeSpan mergeTime = clock.Elapsed - mapTime;
    using Output.Sorted sorted = Output.Sort(result, workers);
    TimeSpan sortTime = clock.Elapsed - mapTime - mergeTime;
    using (Stream stdout = Console.OpenStandardOutput())
    {
        Output.Write(stdout, result, sorted);
    }

    TimeSpan writeTime = clock.Elapsed - mapTime - mergeTime - sortTime;
    if (stats)
    {
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"countwords-baseline: {result.Count} distinct, {workers} workers, {counter.Units} units of {unitKiB} KiB, {Counter.VectorBits}-bit vectors; " +
            $"map {mapTime.TotalMilliseconds:F1} ms, merge {mergeTime.TotalMilliseconds:F1} ms, sort {sortTime.TotalMilliseconds:F1} ms, " +
            $"write {writeTime.TotalMilliseconds:F1} ms, total {clock.Elapsed.TotalMilliseconds:F1} ms, " +
            $"since process start {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds:F0} ms, " +
            $"{GC.GetTotalAllocatedBytes() / 1024} KiB allocated, table {result.NativeBytes / 1024} KiB (mean probe {result.MeanProbeLength():F2}), peak RSS {PeakRssKiB()} KiB"));
    }

    result.Dispose();
}

return 0;

// VmHWM of /proc/self/status: the peak resident set size.
static long PeakRssKiB()
{
    try
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
        }
    }
    catch (IOException)
    {
    }

    return Environment.WorkingSet / 1024;
}
