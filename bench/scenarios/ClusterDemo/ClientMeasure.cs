using System.Diagnostics.Metrics;
using System.Globalization;

namespace ClusterDemo;

/// <summary>
/// What reached the client process: every byte of every Orleans message it received (Orleans' own
/// <c>orleans-messaging-received-messages-size</c> instrument, so the figure does not depend on the backend's
/// accounting), and the process's peak resident memory (<c>VmHWM</c>).
/// </summary>
internal sealed class ClientMeasure : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _received;

    public ClientMeasure()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Microsoft.Orleans" && instrument.Name == "orleans-messaging-received-messages-size")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, bytes, _, _) => Interlocked.Add(ref _received, bytes));
        _listener.Start();
    }

    /// <summary>Bytes of Orleans messages the client received so far.</summary>
    public long ReceivedBytes => Interlocked.Read(ref _received);

    /// <summary>The process's peak resident set size in bytes (Linux), or -1.</summary>
    public static long PeakResidentBytes()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return -1;
    }

    public void Dispose() => _listener.Dispose();
}
