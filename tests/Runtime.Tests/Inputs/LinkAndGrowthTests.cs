using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Inputs;

/// <summary>
/// Symbolic links (to files, to directories, broken ones) and files that grow while they are read, with real links
/// and a real background writer.
/// </summary>
public sealed class LinkAndGrowthTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static void SkipOnWindows() =>
        Skip.If(OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");

    private string WriteLines(string name, int lines)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < lines; i++)
        {
            text.Append("line").Append(i % 97).Append(" word\n");
        }

        return _temp.WriteFile(name, text.ToString());
    }

    [SkippableFact]
    public void A_link_to_a_file_is_measured_and_read_as_its_target()
    {
        SkipOnWindows();
        string target = WriteLines("text.txt", 4770);
        string link = _temp.Combine("link.txt");
        File.CreateSymbolicLink(link, "text.txt");

        var source = TextSource.FromPaths(link);

        Assert.Equal([link], source.Files);
        Assert.Equal(new FileInfo(target).Length, source.FileLengths[0]);
        Assert.Equal(new FileInfo(target).Length, source.TotalBytes);
        var counts = WordCountJob.Run(source, new MapReduceOptions { MaxDegreeOfParallelism = 2 });
        Assert.Equal(4770, counts["word"]);
        Assert.Equal(4770, counts.Statistics.InputsRead);
    }

    [SkippableFact]
    public void A_chain_of_links_is_measured_as_the_final_target()
    {
        SkipOnWindows();
        string target = WriteLines("data/text.txt", 300);
        File.CreateSymbolicLink(_temp.Combine("one"), "data/text.txt");
        File.CreateSymbolicLink(_temp.Combine("two"), _temp.Combine("one"));

        var source = TextSource.FromPaths(_temp.Combine("two"));

        Assert.Equal(new FileInfo(target).Length, source.TotalBytes);
        Assert.Equal(300, WordCountJob.Run(source)["word"]);
    }

    [SkippableFact]
    public void A_file_reached_through_a_linked_directory_or_twice_is_read_once()
    {
        SkipOnWindows();
        WriteLines("real/a.txt", 10);
        WriteLines("real/b.txt", 20);
        Directory.CreateSymbolicLink(_temp.Combine("alias"), "real");
        File.CreateSymbolicLink(_temp.Combine("a-link.txt"), _temp.Combine("real", "a.txt"));

        var source = TextSource.FromPaths(
            _temp.Combine("real"), _temp.Combine("alias"), _temp.Combine("*", "a.txt"), _temp.Combine("a-link.txt"),
            _temp.Combine("alias", "..", "real", "b.txt"));

        Assert.Equal([_temp.Combine("real", "a.txt"), _temp.Combine("real", "b.txt")], source.Files);
        Assert.Equal(30, WordCountJob.Run(source)["word"]);
    }

    [SkippableFact]
    public void A_broken_link_inside_a_directory_is_skipped_and_listed_before_any_work()
    {
        SkipOnWindows();
        WriteLines("dir/a.txt", 10);
        File.CreateSymbolicLink(_temp.Combine("dir", ".#a.txt"), "user@host.1234:1700000000");
        File.CreateSymbolicLink(_temp.Combine("dir", "gone.txt"), _temp.Combine("nowhere", "gone.txt"));

        var source = TextSource.FromPaths(_temp.Combine("dir"));
        var fromPattern = TextSource.FromPaths(_temp.Combine("dir", "*"));

        Assert.Equal([_temp.Combine("dir", "a.txt")], source.Files);
        Assert.Equal([_temp.Combine("dir", ".#a.txt"), _temp.Combine("dir", "gone.txt")], source.BrokenLinks);
        Assert.Equal(source.Files, fromPattern.Files);
        Assert.Equal(source.BrokenLinks, fromPattern.BrokenLinks);
        Assert.Equal(10, WordCountJob.Run(source, new MapReduceOptions { MaxDegreeOfParallelism = 2 })["word"]);
    }

    [SkippableFact]
    public void A_broken_link_named_directly_is_an_error_when_the_source_is_made()
    {
        SkipOnWindows();
        string link = _temp.Combine("gone.txt");
        File.CreateSymbolicLink(link, "nowhere.txt");

        var error = Assert.Throws<TextSourceException>(() => TextSource.FromPaths(link));

        Assert.Equal(link, error.Path);
        Assert.Equal($"no such file or directory (a symbolic link to 'nowhere.txt', which does not exist): '{link}'", error.Message);
    }

    [Fact]
    public async Task A_file_growing_during_the_run_is_read_up_to_its_length_at_the_start()
    {
        // 2000 lines, the last without a line end; a writer then appends bytes without line ends for as long as the
        // run lasts. The first line's mapper waits until a megabyte has been appended, so the reader meets the last
        // line while the file is several times longer than it was.
        string path = WriteLines("growing.log", 1999);
        File.AppendAllText(path, "last");
        long length = new FileInfo(path).Length;
        var source = TextSource.FromPaths(path);
        using var appended = new SemaphoreSlim(0);
        using var stop = new CancellationTokenSource();
        Task writer = Task.Run(async () =>
        {
            await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            byte[] chunk = new byte[64 * 1024];
            chunk.AsSpan().Fill((byte)'x');
            long written = 0;
            while (!stop.IsCancellationRequested && written < (256L << 20))
            {
                await file.WriteAsync(chunk);
                await file.FlushAsync();
                written += chunk.Length;
                if (written == 16 * chunk.Length)
                {
                    appended.Release();
                }
            }
        });

        try
        {
            var counts = await Task.Run(() => GatedWordCountJob.RunGated(source, appended))
                .WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1999, counts["word"]);
            Assert.Equal(1, counts["last"]);
            Assert.DoesNotContain(counts.Keys, key => key.StartsWith("lastx", StringComparison.Ordinal));
            Assert.Equal(2000, counts.Statistics.InputsRead);
            Assert.Equal(length, counts.Statistics.BytesRead);
            Assert.True(new FileInfo(path).Length > length + (1 << 20), "the file did grow during the run");
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }
    }
}

/// <summary>A word count whose first line's mapping waits for a signal (one worker, so lines are read in order).</summary>
internal static partial class GatedWordCountJob
{
    private static SemaphoreSlim? s_gate;

    public static MapReduceResult<string, int> RunGated(TextSource source, SemaphoreSlim gate)
    {
        s_gate = gate;
        return Run(source, new MapReduceOptions { MaxDegreeOfParallelism = 1 });
    }

    [Mapper]
    public static void Map(string line, Emitter<string, int> emit)
    {
        if (line == "line0 word" && Interlocked.Exchange(ref s_gate, null) is { } gate)
        {
            Assert.True(gate.Wait(TimeSpan.FromSeconds(30)), "the writer did not append");
        }

        WordCountJob.Map(line, emit);
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
