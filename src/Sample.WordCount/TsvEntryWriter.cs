using System.Globalization;
using System.Text;

namespace Sample.WordCount;

/// <summary>
/// Writes entries as <c>word\tcount\n</c> to a <see cref="TextWriter"/> (the TSV of <c>--tsv</c>), each UTF-8 word decoded
/// into one reused buffer, not into a string.
/// </summary>
internal struct TsvEntryWriter(TextWriter writer) : ICountedWordWriter
{
    private char[] _word = new char[256];
    private char[] _number = new char[16];

    public void Write(ReadOnlySpan<byte> word, int count)
    {
        if (_word.Length < word.Length)
        {
            _word = new char[Math.Max(word.Length, _word.Length * 2)];
        }

        int chars = Encoding.UTF8.GetChars(word, _word);
        writer.Write(_word, 0, chars);
        writer.Write('\t');
        count.TryFormat(_number, out int digits, default, CultureInfo.InvariantCulture);
        writer.Write(_number, 0, digits);
        writer.Write('\n');
    }
}
