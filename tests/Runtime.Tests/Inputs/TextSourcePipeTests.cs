using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Inputs;

/// <summary>
/// Pipes and FIFOs given as paths (for example a shell's <c>&lt;(command)</c>): they have no offsets and report a
/// meaningless length, so they are read whole as a stream instead of crashing or being counted as empty.
/// </summary>
public sealed class TextSourcePipeTests
{
    [Fact]
    public async Task A_named_fifo_is_read_whole_as_a_stream()
    {
        Assert.True(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "FIFOs need a Unix system.");
        using var directory = new TempDirectory();
        string fifo = await directory.CreateFifoAsync("words.fifo");

        TextSource source = TextSource.FromPaths(fifo);
        Assert.Equal(0, source.TotalBytes);

        // Opening a FIFO for writing blocks until the reader opens it: the writer runs beside the job.
        Task writer = Task.Run(() => File.WriteAllText(fifo, "\uFEFFa b a\r\nc a\rb\n"));
        MapReduceResult<string, int> counts = await WordCountJob.RunAsync(source, new MapReduceOptions { MaxDegreeOfParallelism = 2 })
            .WaitAsync(TimeSpan.FromSeconds(30));
        await writer.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3, counts["a"]);
        Assert.Equal(2, counts["b"]);
        Assert.Equal(1, counts["c"]);
        Assert.Equal(3, counts.Statistics.InputsRead);
    }

    [Fact]
    public async Task Sampling_split_points_never_reads_a_fifo()
    {
        // A job sorted by key on a cluster samples its text inputs first; a FIFO's lines read by the sample would never
        // reach the map task that reads the FIFO next. Opening it would also block until a writer came.
        Assert.True(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "FIFOs need a Unix system.");
        using var directory = new TempDirectory();
        string fifo = await directory.CreateFifoAsync("words.fifo");
        string file = directory.WriteFile("words.txt", "b a\nc d\n");

        List<string> sample = await Task.Run(() => MapReduceGen.Engine.Definitions.InputSamples.Of(
            MapReduceGen.Engine.JobInputs.Lines(TextSource.FromPaths(fifo, file)), 1000).ToList()).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["b a", "c d"], sample);
    }
}
