using System.Text;
using System.Text.Unicode;

namespace MapReduceGen.Runtime.Tests.Inputs;

public sealed class TextSplitReaderTests : IDisposable
{
    private static readonly int[] BufferSizes = [TextSplitReader.MinimumBufferSize, 9, 13, TextSplitReader.DefaultBufferSize];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(TextTestData.Names), MemberType = typeof(TextTestData))]
    public void WholeFileAsOneSplit_MatchesReference(string name)
    {
        byte[] bytes = TextTestData.Files[name];
        string path = _temp.WriteFile(name + ".txt", bytes);
        var expected = TextTestData.ReferenceLines(bytes);
        foreach (int bufferSize in BufferSizes)
        {
            using var reader = new TextSplitReader(bufferSize);
            var split = new TextSplit(0, path, 0, bytes.Length);
            var lines = ReadSplits(reader, [split]);
            Assert.Equal(expected, lines);
            Assert.Equal(!Utf8.IsValid(bytes), reader.SawInvalidUtf8);
            Assert.Equal(expected.Count, reader.LinesRead);
            Assert.Equal(bytes.Length, reader.BytesConsumed);
        }
    }

    [Theory]
    [MemberData(nameof(TextTestData.Names), MemberType = typeof(TextTestData))]
    public void TwoSplitsAtEveryBoundary_MatchReference(string name)
    {
        byte[] bytes = TextTestData.Files[name];
        string path = _temp.WriteFile(name + ".txt", bytes);
        var expected = TextTestData.ReferenceLines(bytes);
        foreach (int bufferSize in new[] { TextSplitReader.MinimumBufferSize, TextSplitReader.DefaultBufferSize })
        {
            using var reader = new TextSplitReader(bufferSize);
            for (int k = 1; k < bytes.Length; k++)
            {
                TextSplit[] splits = [new(0, path, 0, k), new(0, path, k, bytes.Length - k)];
                var lines = ReadSplits(reader, splits);
                Assert.True(expected.SequenceEqual(lines), $"boundary {k}, buffer {bufferSize}: {Describe(lines)} vs {Describe(expected)}");
            }
        }
    }

    [Fact]
    public void ThreeSplitsAtEveryPairOfBoundaries_MatchReference()
    {
        byte[] bytes = TextTestData.Files["rich"];
        string path = _temp.WriteFile("rich.txt", bytes);
        var expected = TextTestData.ReferenceLines(bytes);
        using var reader = new TextSplitReader(TextSplitReader.MinimumBufferSize);
        for (int a = 1; a < bytes.Length; a++)
        {
            for (int b = a + 1; b < bytes.Length; b++)
            {
                TextSplit[] splits = [new(0, path, 0, a), new(0, path, a, b - a), new(0, path, b, bytes.Length - b)];
                var lines = ReadSplits(reader, splits);
                Assert.True(expected.SequenceEqual(lines), $"boundaries {a}, {b}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(TextTestData.Names), MemberType = typeof(TextTestData))]
    public void OneByteSplits_MatchReference(string name)
    {
        byte[] bytes = TextTestData.Files[name];
        string path = _temp.WriteFile(name + ".txt", bytes);
        var expected = TextTestData.ReferenceLines(bytes);
        var splits = Enumerable.Range(0, bytes.Length).Select(i => new TextSplit(0, path, i, 1)).ToList();
        foreach (int bufferSize in BufferSizes)
        {
            using var reader = new TextSplitReader(bufferSize);
            Assert.Equal(expected, ReadSplits(reader, splits));
        }
    }

    [Theory]
    [MemberData(nameof(TextTestData.Names), MemberType = typeof(TextTestData))]
    public void SplitsFromCreateSplits_MatchReference_AndProgressAddsUp(string name)
    {
        byte[] bytes = TextTestData.Files[name];
        string path = _temp.WriteFile(name + ".txt", bytes);
        var expected = TextTestData.ReferenceLines(bytes);
        var source = TextSource.FromFiles(path);
        var random = new Random(name.Length);
        long[] targets = [1, 2, 3, 5, 7, 11, 16, 64, 1024, random.Next(1, 40), random.Next(1, 40), random.Next(1, 40)];
        using var reader = new TextSplitReader(9);
        foreach (long target in targets)
        {
            var splits = source.CreateSplits(target);
            long consumed = 0;
            bool sawInvalid = false;
            var lines = new List<(string, long)>();
            foreach (var split in splits)
            {
                reader.Reset(split);
                Assert.InRange(reader.BytesConsumed, 0, split.Length);
                while (reader.TryReadLine(out var line, out long offset))
                {
                    lines.Add((line.ToString(), offset));
                    Assert.InRange(reader.BytesConsumed, 0, split.Length);
                }

                Assert.Equal(split.Length, reader.BytesConsumed);
                consumed += reader.BytesConsumed;
                sawInvalid |= reader.SawInvalidUtf8;
            }

            Assert.True(expected.SequenceEqual(lines), $"target {target}");
            Assert.Equal(source.TotalBytes, consumed);
            Assert.Equal(!Utf8.IsValid(bytes), sawInvalid);
        }
    }

    [Theory]
    [MemberData(nameof(TextTestData.Names), MemberType = typeof(TextTestData))]
    public void CountLineNumber_MatchesReference(string name)
    {
        byte[] bytes = TextTestData.Files[name];
        string path = _temp.WriteFile(name + ".txt", bytes);
        var expected = TextTestData.ReferenceLines(bytes);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(i + 1, TextSource.CountLineNumber(path, expected[i].Offset));
        }
    }

    [Theory]
    [MemberData(nameof(TextTestData.Names), MemberType = typeof(TextTestData))]
    public void Stream_MatchesReference(string name)
    {
        byte[] bytes = TextTestData.Files[name];
        var expected = TextTestData.ReferenceLines(bytes);
        foreach (int bufferSize in BufferSizes)
        {
            using var reader = new TextSplitReader(bufferSize);
            foreach (Stream stream in new Stream[] { new MemoryStream(bytes), new TrickleStream(bytes) })
            {
                reader.Reset(stream, "<stdin>");
                Assert.Equal("<stdin>", reader.Path);
                var lines = new List<(string, long)>();
                while (reader.TryReadLine(out var line, out long offset))
                {
                    lines.Add((line.ToString(), offset));
                }

                Assert.Equal(expected, lines);
                Assert.Equal(bytes.Length, reader.BytesConsumed);
                Assert.Equal(!Utf8.IsValid(bytes), reader.SawInvalidUtf8);
                stream.Dispose();
            }
        }
    }

    [Fact]
    public void LineLongerThanBuffer_IsReadWhole_AndSplitsInsideItOwnNothing()
    {
        var longLine = new StringBuilder();
        while (longLine.Length < 1_000_000)
        {
            longLine.Append("word \u00E9\u4E2D\U0001F600 ");
        }

        string content = "first\n" + longLine + "\r\nafter\n";
        byte[] bytes = Encoding.UTF8.GetBytes(content);
        string path = _temp.WriteFile("long.txt", bytes);
        int longStart = 6;
        int afterStart = bytes.Length - "after\n".Length;
        (string, long)[] expected = [("first", 0), (longLine.ToString(), longStart), ("after", afterStart)];

        using var reader = new TextSplitReader();
        Assert.Equal(expected, ReadSplits(reader, [new TextSplit(0, path, 0, bytes.Length)]));

        // Splits cutting the long line: only the split holding its first byte returns it.
        var source = TextSource.FromFiles(path);
        foreach (long target in new long[] { 997, 100_000, 333_333, 1_000_000 })
        {
            Assert.Equal(expected, ReadSplits(reader, source.CreateSplits(target)));
        }

        reader.Reset(new TextSplit(0, path, 500_000, 1000));
        Assert.False(reader.TryReadLine(out _));
        Assert.Equal(1000, reader.BytesConsumed);

        // A small byte buffer works too, and the reader is reusable after the large line.
        using var small = new TextSplitReader(100);
        Assert.Equal(expected, ReadSplits(small, source.CreateSplits(250_000)));
        Assert.Equal(expected, ReadSplits(small, source.CreateSplits(250_000)));
    }

    [Fact]
    public void LinesAreSpansIntoTheReadersBuffer_WithoutBom()
    {
        string path = _temp.WriteFile("bom.txt", [0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i', (byte)'\n', (byte)'x']);
        using var reader = new TextSplitReader();
        reader.Reset(new TextSplit(3, path, 0, 7));
        Assert.True(reader.TryReadLine(out var line, out long offset));
        Assert.Equal("hi", line.ToString());
        Assert.Equal(0, offset);
        Assert.Equal(1, reader.LinesRead);
        Assert.True(reader.TryReadLine(out line, out offset));
        Assert.Equal("x", line.ToString());
        Assert.Equal(6, offset);
        Assert.False(reader.TryReadLine(out _));
        Assert.False(reader.TryReadLine(out _));
        Assert.False(reader.SawInvalidUtf8);
        Assert.Equal(path, reader.Path);
        Assert.Equal(3, reader.Split.FileIndex);
    }

    [Fact]
    public void MissingFile_ThrowsTextSourceExceptionNamingIt()
    {
        string path = _temp.Combine("gone.txt");
        using var reader = new TextSplitReader();
        var error = Assert.Throws<TextSourceException>(() => reader.Reset(new TextSplit(0, path, 0, 10)));
        Assert.Equal($"no such file or directory: '{path}'", error.Message);
    }

    [Fact]
    public void DisposedReader_Throws()
    {
        var reader = new TextSplitReader();
        reader.Dispose();
        reader.Dispose();
        Assert.Throws<ObjectDisposedException>(() => reader.Reset(new MemoryStream()));
        Assert.False(reader.TryReadLine(out _));
    }

    private static List<(string Line, long Offset)> ReadSplits(TextSplitReader reader, IEnumerable<TextSplit> splits)
    {
        var lines = new List<(string, long)>();
        foreach (var split in splits)
        {
            reader.Reset(split);
            while (reader.TryReadLine(out var line, out long offset))
            {
                lines.Add((line.ToString(), offset));
            }
        }

        return lines;
    }

    private static string Describe(List<(string Line, long Offset)> lines) =>
        string.Join(" | ", lines.Select(l => $"{l.Offset}:{l.Line.ReplaceLineEndings("\\n")}"));

}
