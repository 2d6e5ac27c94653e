using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Inputs;

/// <summary>
/// Files whose names end in .gz are read as gzip: one split each, the same counts as their text, several members one
/// after the other, and every way a gzip file can be broken (cut short anywhere, a flipped byte, a wrong checksum or
/// length, not gzip at all, empty, data after the last member) is an error naming the file and the line, never a
/// shorter result.
/// </summary>
public sealed class GzipInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static byte[] Gzip(byte[] text, CompressionLevel level = CompressionLevel.Optimal)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, level, leaveOpen: true))
        {
            gzip.Write(text);
        }

        return compressed.ToArray();
    }

    private static byte[] TextOf(int lines, int seed)
    {
        var text = new StringBuilder();
        var random = new Random(seed);
        for (int i = 0; i < lines; i++)
        {
            text.Append('w').Append(random.Next(500)).Append(' ').Append('v').Append(random.Next(50000)).Append(' ').Append(i).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static MapReduceResult<string, int> Count(TextSource source, int workers = 2) =>
        WordCountJob.Run(source, new MapReduceOptions { MaxDegreeOfParallelism = workers });

    private static void AssertSameCounts(MapReduceResult<string, int> expected, MapReduceResult<string, int> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (KeyValuePair<string, int> pair in expected)
        {
            Assert.Equal(pair.Value, actual[pair.Key]);
        }
    }

    private static MapReduceException RunFails(string file)
    {
        var failure = Assert.Throws<MapReduceException>(() => Count(TextSource.FromPaths(file)));
        Assert.Equal(file, failure.Path);
        Assert.IsType<TextSourceException>(failure.InnerException);
        Assert.Contains($"'{file}'", failure.InnerException!.Message, StringComparison.Ordinal);
        return failure;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_gzip_file_gives_the_counts_of_its_text_from_one_split(int workers)
    {
        byte[] text = TextOf(60_000, workers);
        string plain = _dir.WriteFile("text.txt", text);
        byte[] compressed = Gzip(text);
        string gz = _dir.WriteFile("text.txt.gz", compressed);
        var source = TextSource.FromPaths(gz);
        source.SplitBytes = 7; // a plain file this long would be cut into 100,000 splits

        MapReduceResult<string, int> counts = WordCountJob.Run(source, new MapReduceOptions { MaxDegreeOfParallelism = workers });

        AssertSameCounts(Count(TextSource.FromPaths(plain)), counts);
        Assert.Single(source.CreateSplits(7));
        Assert.Equal(compressed.Length, source.TotalBytes);
        Assert.Equal(compressed.Length, counts.Statistics.BytesRead);
        Assert.Equal(60_000, counts.Statistics.InputsRead);
    }

    [Fact]
    public void Compressed_and_plain_files_mix_and_the_extension_is_matched_in_any_case()
    {
        byte[] a = TextOf(3000, 1), b = TextOf(4000, 2), c = TextOf(5000, 3);
        _dir.WriteFile("in/a.txt", a);
        _dir.WriteFile("in/b.gz", Gzip(b));
        _dir.WriteFile("in/c.LOG.GZ", Gzip(c, CompressionLevel.Fastest));
        string all = _dir.WriteFile("all.txt", [.. a, .. b, .. c]);

        MapReduceResult<string, int> counts = Count(TextSource.FromPaths(_dir.Combine("in")), workers: 3);

        AssertSameCounts(Count(TextSource.FromPaths(all)), counts);
        Assert.True(TextSource.IsCompressed("x.Gz"));
        Assert.False(TextSource.IsCompressed("x.gzip"));
        Assert.False(TextSource.IsCompressed("gz"));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(700)]
    public void A_file_of_several_members_is_their_texts_one_after_the_other(int members)
    {
        // As `cat a.gz b.gz` and bgzip make them: members of every size, some far smaller than a read chunk, so
        // trailers fall inside chunks and across their ends.
        var whole = new MemoryStream();
        var file = new MemoryStream();
        var random = new Random(members);
        for (int m = 0; m < members; m++)
        {
            byte[] part = TextOf(random.Next(0, m % 50 == 0 ? 20_000 : 60), m);
            whole.Write(part);
            file.Write(Gzip(part, m % 2 == 0 ? CompressionLevel.Optimal : CompressionLevel.NoCompression));
        }

        string gz = _dir.WriteFile("members.gz", file.ToArray());
        string plain = _dir.WriteFile("members.txt", whole.ToArray());

        AssertSameCounts(Count(TextSource.FromPaths(plain)), Count(TextSource.FromPaths(gz)));
    }

    [Fact]
    public void Optional_header_fields_are_skipped()
    {
        // FEXTRA, FNAME, FCOMMENT and FHCRC, as gzip -N and other tools write them, in a member after a plain one.
        byte[] first = TextOf(100, 1), second = TextOf(200, 2);
        byte[] plainMember = Gzip(second);
        var member = new MemoryStream();
        member.Write([0x1F, 0x8B, 8, 0x02 | 0x04 | 0x08 | 0x10, 1, 2, 3, 4, 0, 3]);
        member.Write([5, 0, (byte)'A', (byte)'B', 3, 0, 9]);
        member.Write("second.txt\0"u8);
        member.Write("made by hand\0"u8);
        member.Write([0xAB, 0xCD]);
        member.Write(plainMember.AsSpan(10)); // the deflate data and trailer of a plain member
        string gz = _dir.WriteFile("fields.gz", [.. Gzip(first), .. member.ToArray()]);
        string plain = _dir.WriteFile("fields.txt", [.. first, .. second]);

        AssertSameCounts(Count(TextSource.FromPaths(plain)), Count(TextSource.FromPaths(gz)));
    }

    [Fact]
    public void A_file_cut_short_anywhere_is_an_error_naming_it_and_the_line_where_reading_stopped()
    {
        byte[] text = TextOf(40_000, 9);
        byte[] compressed = Gzip(text);
        foreach (int length in new[] { 1, 5, 10, 11, 40, compressed.Length / 3, compressed.Length / 2, compressed.Length - 9, compressed.Length - 8, compressed.Length - 5, compressed.Length - 1 })
        {
            string gz = _dir.WriteFile($"cut{length}.gz", compressed[..length]);

            MapReduceException failure = RunFails(gz);

            // Every line of the text the cut leaves whole was read; the error is at the next one.
            var prefix = new MemoryStream();
            using (var decompress = new GZipStream(new MemoryStream(compressed[..length]), CompressionMode.Decompress))
            {
                try
                {
                    decompress.CopyTo(prefix);
                }
                catch (InvalidDataException)
                {
                    // a cut inside the header
                }
            }

            long wholeLines = prefix.ToArray().AsSpan().Count((byte)'\n');
            Assert.Equal(wholeLines + 1, failure.LineNumber);
            Assert.Matches(length < 10 ? "ends inside the header of member 1: it is truncated" : "ends inside member 1", failure.InnerException!.Message);
        }
    }

    [Fact]
    public void A_corrupt_member_a_wrong_checksum_or_a_wrong_length_is_an_error()
    {
        byte[] compressed = Gzip(TextOf(30_000, 4));

        byte[] flipped = (byte[])compressed.Clone();
        flipped[compressed.Length / 2] ^= 0xFF;
        flipped[(compressed.Length / 2) + 1] ^= 0x5A;
        Assert.Contains("member 1", RunFails(_dir.WriteFile("flipped.gz", flipped)).InnerException!.Message, StringComparison.Ordinal);

        byte[] checksum = (byte[])compressed.Clone();
        checksum[^8] ^= 0x01;
        Assert.Contains(
            "the checksum of member 1 does not match its data: the file is corrupt",
            RunFails(_dir.WriteFile("checksum.gz", checksum)).InnerException!.Message,
            StringComparison.Ordinal);

        byte[] length = (byte[])compressed.Clone();
        length[^1] ^= 0x01;
        Assert.Contains("member 1", RunFails(_dir.WriteFile("length.gz", length)).InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_named_gz_an_empty_gz_and_data_after_the_last_member_are_errors()
    {
        Assert.Contains(
            "does not start with the gzip signature",
            RunFails(_dir.WriteFile("plain.gz", "a b\n")).InnerException!.Message,
            StringComparison.Ordinal);
        Assert.Contains("the file is empty", RunFails(_dir.WriteFile("empty.gz", [])).InnerException!.Message, StringComparison.Ordinal);

        byte[] member = Gzip(TextOf(10, 1));
        MapReduceException trailing = RunFails(_dir.WriteFile("trailing.gz", [.. member, .. "junk\n"u8]));
        Assert.Contains(
            $"after member 1 comes data that is not a gzip member (at byte {member.Length:N0})",
            trailing.InnerException!.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_split_made_by_hand_past_the_start_of_a_gzip_file_is_refused()
    {
        string gz = _dir.WriteFile("text.gz", Gzip(TextOf(100, 1)));
        using var reader = new TextSplitReader();

        var refused = Assert.Throws<TextSourceException>(() => reader.Reset(new TextSplit(0, gz, 10, 20)));

        Assert.Contains("is gzip-compressed, so it is read whole by one split from its start, not from byte 10", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_file_that_grows_while_it_is_read_is_read_as_it_was()
    {
        byte[] first = TextOf(5000, 1);
        string gz = _dir.WriteFile("growing.gz", Gzip(first));
        string plain = _dir.WriteFile("first.txt", first);
        var source = TextSource.FromPaths(gz);

        // A second member appended after the source was made (a log rotated into the file) is not read.
        using (var append = new FileStream(gz, FileMode.Append))
        {
            append.Write(Gzip(TextOf(5000, 2)));
        }

        AssertSameCounts(Count(TextSource.FromPaths(plain)), Count(source));
    }

    [SkippableFact]
    public void A_link_named_gz_is_read_as_gzip()
    {
        Skip.If(OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");
        byte[] text = TextOf(2000, 3);
        _dir.WriteFile("data/real.bin", Gzip(text));
        string link = _dir.Combine("link.gz");
        File.CreateSymbolicLink(link, _dir.Combine("data", "real.bin"));
        string plain = _dir.WriteFile("text.txt", text);

        AssertSameCounts(Count(TextSource.FromPaths(plain)), Count(TextSource.FromPaths(link)));
    }

    [Fact]
    public async Task A_fifo_named_gz_is_decompressed_as_it_arrives()
    {
        Assert.True(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "FIFOs need a Unix system.");
        string fifo = await _dir.CreateFifoAsync("stream.gz");

        byte[] text = TextOf(20_000, 5);
        string plain = _dir.WriteFile("text.txt", text);
        byte[] compressed = Gzip(text);
        Task writer = Task.Run(() => File.WriteAllBytes(fifo, compressed));

        MapReduceResult<string, int> counts = await WordCountJob.RunAsync(TextSource.FromPaths(fifo), new MapReduceOptions { MaxDegreeOfParallelism = 2 })
            .WaitAsync(TimeSpan.FromSeconds(30));
        await writer.WaitAsync(TimeSpan.FromSeconds(30));

        AssertSameCounts(Count(TextSource.FromPaths(plain)), counts);
    }

    [Fact]
    public void The_checksum_is_gzips_crc32()
    {
        // The check value of CRC-32/ISO-HDLC, and the trailer GZipStream writes for a longer text.
        var crc = new Crc32();
        crc.Append("123456789"u8);
        Assert.Equal(0xCBF43926u, crc.Value);

        byte[] text = TextOf(3000, 8);
        byte[] compressed = Gzip(text);
        crc.Reset();
        crc.Append(text.AsSpan(0, 5));
        crc.Append(text.AsSpan(5));
        Assert.Equal(BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(compressed.Length - 8)), crc.Value);
    }
}
