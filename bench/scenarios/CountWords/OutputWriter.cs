using System.Globalization;
using System.Text;
using Sample.WordCount;

namespace CountWords;

/// <summary>
/// Writes "word count" lines as UTF-8 bytes through a 1 MiB buffer, as the sorter hands the entries over (count
/// descending, then word ascending by bytes, which is code point order), and, given the expected output, compares each
/// line with it as it goes.
/// </summary>
internal struct OutputWriter(Stream output, StreamReader? expected) : ICountedWordWriter
{
    private const int BufferSize = 1 << 20;
    private readonly byte[] _buffer = GC.AllocateUninitializedArray<byte>(BufferSize);
    private int _at;
    private long _lines;

    /// <summary>What differs first from the expected output, or <see langword="null"/>.</summary>
    public string? Mismatch { get; private set; }

    public void Write(ReadOnlySpan<byte> word, int count)
    {
        if (_at + word.Length + 12 > BufferSize)
        {
            output.Write(_buffer, 0, _at);
            _at = 0;
            if (word.Length + 12 > BufferSize)
            {
                output.Write(word);
                word = default;
            }
        }

        word.CopyTo(_buffer.AsSpan(_at));
        _at += word.Length;
        _buffer[_at++] = (byte)' ';
        count.TryFormat(_buffer.AsSpan(_at), out int digits, default, CultureInfo.InvariantCulture);
        _at += digits;
        _buffer[_at++] = (byte)'\n';
        _lines++;
        if (expected is not null && Mismatch is null)
        {
            Check(word, count);
        }
    }

    /// <summary>Writes what is buffered; given the expected output, notes the lines it has beyond ours.</summary>
    public void Complete()
    {
        output.Write(_buffer, 0, _at);
        output.Flush();
        _at = 0;
        if (expected is not null && Mismatch is null && NextExpected() is { } extra)
        {
            Mismatch = $"line {_lines + 1}: expected '{extra}', got nothing";
        }
    }

    private void Check(ReadOnlySpan<byte> word, int count)
    {
        string actual = string.Create(CultureInfo.InvariantCulture, $"{Encoding.UTF8.GetString(word)} {count}");
        string? wanted = NextExpected();
        if (!string.Equals(actual, wanted, StringComparison.Ordinal))
        {
            Mismatch = wanted is null
                ? $"line {_lines}: expected nothing, got '{actual}' (more lines than expected)"
                : $"line {_lines}: expected '{wanted}', got '{actual}'";
        }
    }

    private readonly string? NextExpected()
    {
        while (expected!.ReadLine() is string line)
        {
            if (line.Length > 0)
            {
                return line;
            }
        }

        return null;
    }
}
