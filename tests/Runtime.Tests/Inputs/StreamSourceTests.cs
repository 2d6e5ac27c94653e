using System.Text;
using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Inputs;

/// <summary><see cref="TextSource.FromStream"/>: the lines of one stream (standard input, a decompressor).</summary>
public sealed class StreamSourceTests
{
    [Fact]
    public void A_stream_is_read_from_its_position_with_the_file_rules()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("skipped header\n\uFEFFa b\r\nb c\rc\n\nc");
        using var stream = new MemoryStream(bytes);
        stream.Position = "skipped header\n".Length;

        MapReduceResult<string, int> counts = WordCountJob.Run(TextSource.FromStream(stream, "stdin"));

        // Reading starts at the stream's position, and a BOM there is skipped as at the start of a file.
        Assert.Equal(1, counts["a"]);
        Assert.False(counts.ContainsKey("\uFEFFa"));
        Assert.False(counts.ContainsKey("skipped"));
        Assert.Equal(2, counts["b"]);
        Assert.Equal(3, counts["c"]);
        Assert.Equal(5, counts.Statistics.InputsRead);
        Assert.Equal(bytes.Length - "skipped header\n".Length, counts.Statistics.BytesRead);
    }

    [Fact]
    public void A_non_seekable_stream_is_read_whole()
    {
        using var stream = new TrickleStream(Encoding.UTF8.GetBytes("x y\nx\n"));
        TextSource source = TextSource.FromStream(stream);
        Assert.Equal(0, source.TotalBytes);

        MapReduceResult<string, int> counts = WordCountJob.Run(source, new MapReduceOptions { MaxDegreeOfParallelism = 4 });

        Assert.Equal(2, counts["x"]);
        Assert.Equal(1, counts["y"]);
    }

    [Fact]
    public void A_failing_line_of_a_stream_is_named_by_the_stream_name_and_line()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("fine\nstill fine\nboom here\nnever\n"));

        MapReduceException error = Assert.Throws<MapReduceException>(
            () => BoomWordJob.Run(TextSource.FromStream(stream, "<standard input>")));

        Assert.Equal("<standard input>", error.Path);
        Assert.Equal(3, error.LineNumber);
        Assert.Equal(MapReducePhase.Map, error.Phase);
        Assert.IsType<BadLineException>(error.InnerException);
        Assert.Contains("<standard input>:3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unusable_streams_are_rejected_up_front()
    {
        using var stream = new MemoryStream();
        Assert.Throws<ArgumentNullException>(() => TextSource.FromStream(null!));
        Assert.Throws<ArgumentException>(() => TextSource.FromStream(stream, ""));
        stream.Dispose();
        Assert.Throws<ArgumentException>(() => TextSource.FromStream(stream));
    }
}
