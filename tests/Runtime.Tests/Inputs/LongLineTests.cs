using System.Diagnostics;
using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Utf8Mapping;

namespace MapReduceGen.Runtime.Tests.Inputs;

/// <summary>
/// A line too long to hold (longer than the longest string for line mappers, longer than the largest array for UTF-8
/// block mappers) is a one-line error that names the file and the right line, never an OutOfMemoryException reported
/// as "the mapper threw" or "The read buffer is full" at line 1; cancellation is prompt inside a huge line.
/// </summary>
/// <remarks>
/// Most tests lower the limits through the source's internal knobs (<c>TextSource.MaxLineChars</c> and
/// <c>MaxLineBytes</c>, carried by each split to its reader), so that kilobyte files exercise exactly the code the
/// real limits take. <see cref="GiantLineTests"/> checks the real limits on sparse files that hold no data on disk.
/// </remarks>
public sealed class LongLineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Lines "a b", "c d", then a 5000-character line at line 3, then "e".</summary>
    private string WriteLongLineFile(string lineEnd = "\n")
    {
        return _temp.WriteFile("long.txt", $"a b{lineEnd}c d{lineEnd}" + new string('x', 5000) + $"{lineEnd}e{lineEnd}");
    }

    [Theory]
    [InlineData(0L, "\n")]
    [InlineData(0L, "\r\n")]
    [InlineData(4L, "\n")]
    [InlineData(7L, "\r")]
    public void A_line_longer_than_the_longest_string_names_the_file_and_line(long splitBytes, string lineEnd)
    {
        string path = WriteLongLineFile(lineEnd);
        var source = TextSource.FromPaths(path);
        source.MaxLineChars = 1000;
        source.SplitBytes = splitBytes;

        var error = Assert.Throws<MapReduceException>(() => WordCountJob.Run(source, new MapReduceOptions { MaxDegreeOfParallelism = 2 }));

        Assert.Equal(path, error.Path);
        Assert.Equal(3, error.LineNumber);
        var inner = Assert.IsType<TextSourceException>(error.InnerException);
        Assert.Equal(3, inner.LineNumber);
        Assert.Equal(path, inner.Path);
        Assert.Equal($"line 3 of '{path}' is too long to read: more than 1,000 characters, the longest string .NET can hold", inner.Message);
        Assert.Contains($" at {path}:3: reading the file failed TextSourceException: line 3 of", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData(0L, "\n", 1)]
    [InlineData(0L, "\r\n", 2)]
    [InlineData(4L, "\r", 2)]
    [InlineData(9L, "\n", 1)]
    public void A_line_too_long_to_read_is_skipped_as_a_bad_record(long splitBytes, string lineEnd, int workers)
    {
        string path = WriteLongLineFile(lineEnd);
        var source = TextSource.FromPaths(path);
        source.MaxLineChars = 1000;
        source.SplitBytes = splitBytes;

        MapReduceResult<string, int> counts = WordCountJob.Run(
            source, new MapReduceOptions { MaxDegreeOfParallelism = workers, MaxBadRecords = 1 });

        // Every other line is counted; the long one is listed as skipped, with its file and line.
        Assert.Equal(["a", "b", "c", "d", "e"], counts.Keys.Order(StringComparer.Ordinal));
        SkippedRecord skipped = Assert.Single(counts.Statistics.SkippedRecords);
        Assert.Equal(path, skipped.Path);
        Assert.Equal(3, skipped.LineNumber);
        Assert.Equal(2, skipped.InputIndex);
        Assert.IsType<TextSourceException>(skipped.Exception);
        Assert.Equal(1, counts.Statistics.BadRecordsSkipped);
    }

    [Fact]
    public void A_line_at_the_limit_is_read()
    {
        string path = WriteLongLineFile();
        var source = TextSource.FromPaths(path);
        source.MaxLineChars = 5000;

        var counts = WordCountJob.Run(source);

        Assert.Equal(1, counts[new string('x', 5000)]);
        Assert.Equal(4, counts.Statistics.InputsRead);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(5L)]
    public void A_line_longer_than_the_largest_block_names_the_file_and_line(long splitBytes)
    {
        // A block reader grows its buffer (64 KiB) only for a line that does not fit: this one has 100,000 bytes.
        string path = _temp.WriteFile("long.txt", "a b\nc d\n" + new string('x', 100_000) + "\ne\n");
        var source = TextSource.FromPaths(path);
        source.MaxLineBytes = 80_000;
        source.SplitBytes = splitBytes;

        var error = Assert.Throws<MapReduceException>(() => Utf8WordCountJob.RunUtf8(source));

        Assert.Equal(path, error.Path);
        Assert.Equal(3, error.LineNumber);
        Assert.Equal(
            $"line 3 of '{path}' is too long to read: more than 80,000 bytes, the largest array .NET can hold",
            Assert.IsType<TextSourceException>(error.InnerException).Message);

        source.MaxLineBytes = 100_001;
        Assert.Equal(1, Utf8WordCountJob.RunUtf8(source)[new string('x', 100_000)]);
    }

    [Fact]
    public void A_too_long_line_of_a_stream_names_the_stream_and_line()
    {
        byte[] text = System.Text.Encoding.UTF8.GetBytes("a b\nc d\n" + new string('y', 3000) + "\n");
        using var reader = new TextSplitReader(64) { MaxLineCharsOverride = 1000 };
        reader.Reset(new TrickleStream(text, _ => 700), "input");

        Assert.True(reader.TryReadLine(out _, out _));
        Assert.True(reader.TryReadLine(out _, out _));
        var error = Assert.Throws<TextSourceException>(() => reader.TryReadLine(out _, out _));

        Assert.Equal("input", error.Path);
        Assert.Equal(3, error.LineNumber);
        Assert.Equal("line 3 of 'input' is too long to read: more than 1,000 characters, the longest string .NET can hold", error.Message);
    }

    [Fact]
    public async Task Cancellation_is_prompt_inside_one_endless_line()
    {
        // A stream that never ends its line (bytes without a terminator, 64 KiB every millisecond, for at most 30 s):
        // the reader must notice the cancellation while it reads the line, not when the line ends.
        using var cancel = new CancellationTokenSource();
        var stream = new EndlessLineStream(TimeSpan.FromSeconds(30));
        var source = TextSource.FromStream(stream, "endless");
        Task<MapReduceResult<string, int>> run = WordCountJob.RunAsync(source, cancellationToken: cancel.Token);
        Assert.True(stream.Started.Wait(TimeSpan.FromSeconds(30)), "the run did not start reading");
        await Task.Delay(200);

        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the run stopped {clock.Elapsed} after the cancellation");
        Assert.Equal(cancel.Token, error.CancellationToken);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_reader_observes_cancellation_inside_a_long_line_of_a_file(bool blocks)
    {
        // A sparse 256 MiB file that is one line: with the token cancelled, neither reader goes through the line (or
        // decodes it) before noticing.
        string path = _temp.Combine("long-line.txt");
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            file.SetLength(256L << 20);
        }

        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        using var reader = new TextSplitReader { CancellationToken = cancel.Token };
        reader.Reset(TextSource.FromPaths(path).CreateSplits(1L << 40)[0]);

        var clock = Stopwatch.StartNew();
        Assert.Throws<OperationCanceledException>(() =>
        {
            if (blocks)
            {
                reader.TryReadLines(out _, out _);
            }
            else
            {
                reader.TryReadLine(out _, out _);
            }
        });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        Assert.True(reader.BytesConsumed < 1 << 20, $"read {reader.BytesConsumed} bytes");
    }

    /// <summary>Bytes 'z' without a line end, a chunk per millisecond, until a deadline (then the stream ends).</summary>
    private sealed class EndlessLineStream(TimeSpan lifetime) : Stream
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public ManualResetEventSlim Started { get; } = new();

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
            Started.Set();
            if (_clock.Elapsed > lifetime)
            {
                return 0;
            }

            Thread.Sleep(1);
            int size = Math.Min(buffer.Length, 64 * 1024);
            buffer[..size].Fill((byte)'z');
            return size;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Started.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>
/// The real limits, on sparse files (no data on disk; zero bytes are valid UTF-8 and end no line). These need memory
/// (a line just over the longest string is decoded into a 2 GiB buffer before it is known to be too long), so they
/// run alone.
/// </summary>
[Collection(GiantLineCollection.Name)]
public sealed class GiantLineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>"hello world\n", then one line of <paramref name="zeros"/> zero bytes, then "\nlast line\n".</summary>
    private string WriteSparse(long zeros)
    {
        string path = _temp.Combine("giant.txt");
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        file.Write("hello world\n"u8);
        file.SetLength(file.Position + zeros);
        file.Seek(0, SeekOrigin.End);
        file.Write("\nlast line\n"u8);
        return path;
    }

    [Fact]
    public void A_line_just_over_the_longest_string_is_an_error_at_its_line()
    {
        // 1,073,741,800 characters: 9 more than a string can hold. Before this check the reader handed the line on and
        // the engine's ToString threw OutOfMemoryException, reported as "the mapper threw".
        string path = WriteSparse(TextSplitReader.MaxLineChars + 9L);

        var error = Assert.Throws<MapReduceException>(() => WordCountJob.Run(TextSource.FromPaths(path)));

        Assert.Equal(2, error.LineNumber);
        Assert.Equal(
            $"line 2 of '{path}' is too long to read: more than 1,073,741,791 characters, the longest string .NET can hold",
            Assert.IsType<TextSourceException>(error.InnerException).Message);
    }

    [Fact]
    public void A_line_over_2_GiB_is_an_error_at_its_line_for_both_readers()
    {
        // 2^31 + 100 bytes: more than any array; more than three bytes per character of the longest string, so the
        // line reader knows it is too long without decoding it.
        string path = WriteSparse((1L << 31) + 100);

        var lines = Assert.Throws<MapReduceException>(() => WordCountJob.Run(TextSource.FromPaths(path)));
        var blocks = Assert.Throws<MapReduceException>(() => Utf8WordCountJob.RunUtf8(TextSource.FromPaths(path)));

        Assert.Equal(2, lines.LineNumber);
        Assert.Equal(2, blocks.LineNumber);
        Assert.StartsWith($"line 2 of '{path}' is too long to read: more than 2,147,483,591 bytes", blocks.InnerException!.Message, StringComparison.Ordinal);
    }
}

/// <summary>Tests that need gigabytes of memory run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GiantLineCollection
{
    public const string Name = "Giant lines";
}
