using System.Text;

namespace Sample.WordCount;

/// <summary>
/// Standard error as the program writes it: what cannot be written is dropped. When standard error is closed
/// (<c>2&gt;&amp;-</c>) or its reader has gone, messages are lost but the program goes on, and its exit status still
/// tells the outcome; a failed write never turns into a crash.
/// </summary>
internal sealed class StandardErrorWriter(TextWriter inner) : TextWriter
{
    private volatile bool _broken;

    public override Encoding Encoding => inner.Encoding;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine accepts null (it then means the default).
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value) => Try(() => inner.Write(value));

    public override void Write(string? value) => Try(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Try(() => inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Try(() => inner.WriteLine(value));

    public override void Flush() => Try(inner.Flush);

    private void Try(Action write)
    {
        if (_broken)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            _broken = true;
        }
    }
}
