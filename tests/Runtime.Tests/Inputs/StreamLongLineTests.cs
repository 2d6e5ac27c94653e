namespace MapReduceGen.Runtime.Tests.Inputs;

/// <summary>
/// A line much longer than the reader's buffer, arriving through a stream (a pipe: standard input, a FIFO) in short
/// reads, is searched for its end once per byte read, not once per read: reading it costs time linear in its length.
/// The test counts the bytes searched instead of timing (bench/ times piped against file input).
/// </summary>
public sealed class StreamLongLineTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void A_long_line_read_from_a_pipe_in_short_reads_is_searched_once(string terminator)
    {
        // 16 MiB of one line in 64 KiB reads (a pipe's size): searching the whole line again after every read would look
        // at 256 reads x 8 MiB on average, 2 GiB.
        const int LineBytes = 16 << 20;
        byte[] data = [.. Enumerable.Repeat((byte)'a', LineBytes), .. System.Text.Encoding.ASCII.GetBytes($"{terminator}b c{terminator}last")];
        using var reader = new TextSplitReader();
        reader.Reset(new TrickleStream(data, _ => 64 * 1024), "pipe");

        long total = 0;
        int longest = 0;
        while (reader.TryReadLines(out ReadOnlySpan<byte> block, out _))
        {
            total += block.Length;
            int end = block.IndexOfAny((byte)'\n', (byte)'\r');
            longest = Math.Max(longest, end < 0 ? block.Length : end);
        }

        Assert.Equal(data.Length, total);
        Assert.Equal(LineBytes, longest);
        Assert.True(reader.BytesSearched <= 3L * data.Length, $"{reader.BytesSearched:N0} bytes searched for {data.Length:N0} bytes");
    }
}
