using System.Text;
using MapReduceGen.Runtime.Tests.Inputs;

namespace MapReduceGen.Runtime.Tests.Utf8Mapping;

public sealed class Utf8PathTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Mixed terminators, a byte order mark, a blank line, non-ASCII words, a line longer than small buffers.</summary>
    private static byte[] SampleText(int repeat)
    {
        var text = new StringBuilder();
        for (int i = 0; i < repeat; i++)
        {
            text.Append("alpha beta\r\n");
            text.Append("beta gamma delta\n");
            text.Append('\r');
            text.Append("éclair naïve beta\r");
            text.Append(new string('x', 40 + (i % 7))).Append(" alpha\n");
            text.Append("word").Append(i % 13).Append(" \r\n");
        }

        text.Append("last line without terminator");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    [Theory]
    [InlineData(8)]
    [InlineData(17)]
    [InlineData(64)]
    [InlineData(TextSplitReader.DefaultBufferSize)]
    public void Blocks_OfAllSplits_CoverTheTextOnce_InWholeLines(int bufferSize)
    {
        byte[] bytes = SampleText(20);
        string path = _temp.WriteFile("sample.txt", bytes);
        var source = TextSource.FromFiles(path);
        foreach (long splitBytes in new long[] { 1, 2, 3, 5, 16, 100, bytes.Length })
        {
            var all = new List<byte>();
            using var reader = new TextSplitReader(bufferSize);
            foreach (TextSplit split in source.CreateSplits(splitBytes))
            {
                reader.Reset(split);
                while (reader.TryReadLines(out ReadOnlySpan<byte> block, out long start))
                {
                    Assert.False(block.IsEmpty);
                    Assert.True(start == 0 || bytes[start - 1] is (byte)'\n' or (byte)'\r', $"block at {start} does not start a line");
                    byte lastByte = block[^1];
                    bool endsData = start + block.Length + (start == 0 ? 3 : 0) == bytes.Length;
                    Assert.True(lastByte is (byte)'\n' or (byte)'\r' || endsData, "a block ends inside a line");
                    all.AddRange(block);
                }
            }

            Assert.Equal(bytes[3..], all.ToArray());
        }
    }

    [Fact]
    public void RunFoldUtf8_OverFiles_CountsLikeTheStringMapper()
    {
        byte[] bytes = SampleText(200);
        string path = _temp.WriteFile("sample.txt", bytes);
        var source = TextSource.FromFiles(path);
        source.SplitBytes = 97;
        var options = new MapReduceOptions { MaxDegreeOfParallelism = 3 };

        MapReduceResult<string, int> expected = Utf8WordCountJob.Run(source, options);
        MapReduceResult<string, int> actual =
            Utf8WordCountJob.RunUtf8(source, options);

        Assert.Equal(Sorted(expected), Sorted(actual));
        Assert.Equal(400, actual["beta"] / 3 * 2);
        Assert.Equal(200, actual["éclair"]);
        Assert.Equal(1, actual["terminator"]);
    }

    [Fact]
    public void RunFoldUtf8_OverAStream_CountsLikeTheStringMapper_AcrossBlocks()
    {
        // Larger than the stream input's 1 MiB blocks, delivered in uneven pieces, so lines span blocks and reads.
        byte[] bytes = SampleText(25_000);
        string path = _temp.WriteFile("big.txt", bytes);
        MapReduceResult<string, int> expected = Utf8WordCountJob.Run(TextSource.FromFiles(path));

        using var stream = new TrickleStream(bytes, read => 1 + (read * 7919 % 70_001));
        MapReduceResult<string, int> actual = Utf8WordCountJob.RunUtf8(
            stream, new MapReduceOptions { MaxDegreeOfParallelism = 2 });

        Assert.Equal(Sorted(expected), Sorted(actual));
        Assert.Equal(25_000, actual["naïve"]);
        Assert.False(actual.ContainsKey("\uFEFFalpha"));
    }

    [Fact]
    public void EmitUtf8_InvalidBytes_BecomeReplacementCharacters_AsTheLineReaderDecodesThem()
    {
        byte[] bytes = [(byte)'o', (byte)'k', 0xFF, (byte)' ', 0xC3, (byte)'\n', (byte)'a', 0xE2, 0x82, (byte)'\n'];
        string path = _temp.WriteFile("bad.txt", bytes);
        var source = TextSource.FromFiles(path);

        MapReduceResult<string, int> expected = Utf8WordCountJob.Run(source);
        MapReduceResult<string, int> actual =
            Utf8WordCountJob.RunUtf8(source);

        Assert.Equal(Sorted(expected), Sorted(actual));
        Assert.Equal(1, actual["ok\uFFFD"]);
        Assert.Equal(1, actual["\uFFFD"]);
        Assert.Equal(1, actual["a\uFFFD"]);
    }

    [Fact]
    public void RunFoldUtf8_MapperFailure_NamesTheFileAndTheBlocksFirstLine()
    {
        string path = _temp.WriteFile("fail.txt", "one two\nthree boom\n");

        var error = Assert.Throws<MapReduceException>(() =>
            Utf8WordCountJob.RunUtf8(TextSource.FromFiles(path)));

        Assert.Equal(MapReducePhase.Map, error.Phase);
        Assert.Equal(path, error.Path);
        Assert.Equal(1, error.LineNumber);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public async Task RunUtf8_OverAStream_StopsPromptlyInsideALineThatNeverEnds()
    {
        // A pipe that sends one endless line, slowly: cancellation is noticed between reads, not at the line's end.
        using var stream = new EndlessLineStream();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Support.Bounded.Throws<OperationCanceledException>(
            () => Utf8WordCountJob.RunUtf8(stream, new MapReduceOptions { MaxDegreeOfParallelism = 2 }, cancel.Token),
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void RunUtf8_OverAStream_ALineTooLongIsAOneLineErrorNamingTheStream()
    {
        byte[] bytes = System.Text.Encoding.ASCII.GetBytes("a b\n" + new string('x', 5_000_000) + "\nc\n");
        using var stream = new TrickleStream(bytes, _ => 100_000);
        var input = new Engine.Inputs.Utf8StreamMapInput<string>(
            stream, "pipe", static (worker, blocks) => ((Engine.Inputs.IUtf8BlockMapper<string, int>)worker).MapUtf8Lines<Utf8WordCountJob, Engine.Inputs.IUtf8LineBlocks>(blocks), maxLineBytes: 3_000_000);

        var job = new Engine.JobInput<string>(_ => input, isAsync: false);

        var error = Assert.Throws<MapReduceException>(() => Engine.MapReduceEngine.Run(
            Utf8WordCountJob.MapReduceJob.Definition, [job], Engine.TaskContext.Empty()));

        Assert.Equal("pipe", error.Path);
        TextSourceException inner = Assert.IsType<TextSourceException>(error.InnerException);
        Assert.Equal("a line of 'pipe' is too long to read: more than 3,000,000 bytes, the largest array .NET can hold", inner.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    /// <summary>A stream that returns a few bytes of one line per read, forever, a little slowly.</summary>
    private sealed class EndlessLineStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            Thread.Sleep(1);
            int length = Math.Min(buffer.Length, 4096);
            buffer[..length].Fill((byte)'y');
            return length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static List<KeyValuePair<string, int>> Sorted(MapReduceResult<string, int> result) =>
        [.. result.OrderBy(pair => pair.Key, StringComparer.Ordinal)];
}
