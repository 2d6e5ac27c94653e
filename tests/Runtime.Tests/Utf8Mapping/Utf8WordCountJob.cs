namespace MapReduceGen.Runtime.Tests.Utf8Mapping;

/// <summary>
/// A word count with both mappers: words are runs of characters other than space and line terminators. A word
/// "boom" makes either mapper throw.
/// </summary>
public sealed partial class Utf8WordCountJob : IUtf8TextMapper<string, int>
{
    private Utf8WordCountJob()
    {
    }

    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word == "boom")
            {
                throw new InvalidOperationException("boom");
            }

            emit.Emit(word, 1);
        }
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;

    public static void MapLines(ReadOnlySpan<byte> lines, Emitter<string, int> emitter)
    {
        while (!lines.IsEmpty)
        {
            int end = lines.IndexOfAny((byte)' ', (byte)'\n', (byte)'\r');
            ReadOnlySpan<byte> word = end < 0 ? lines : lines[..end];
            if (word.SequenceEqual("boom"u8))
            {
                throw new InvalidOperationException("boom");
            }

            if (!word.IsEmpty)
            {
                emitter.EmitUtf8(word, 1);
            }

            lines = end < 0 ? default : lines[(end + 1)..];
        }
    }
}
