using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Inputs;

/// <summary>
/// A FIFO given as a path whose writer is idle (open, writing nothing) does not hold a cancelled run: the read waiting
/// for its next bytes is given up at once, where a read blocked on the pipe itself could only end when data came; a FIFO
/// named *.gz (whole gzip data sent, then nothing) too.
/// </summary>
public sealed class IdlePipeCancelTests
{
    [Theory]
    [InlineData("idle.fifo", false)]
    [InlineData("idle.gz", true)] // read through the gzip decompressor, which waits on the pipe the same way
    public async Task Cancelling_a_run_waiting_on_an_idle_fifo_cancels_it(string name, bool gzip)
    {
        Assert.True(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "FIFOs need a Unix system.");
        using var directory = new TempDirectory();
        string fifo = await directory.CreateFifoAsync(name);
        byte[] line = "a b\n"u8.ToArray();
        if (gzip)
        {
            var compressed = new MemoryStream();
            using (var gzipped = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            {
                gzipped.Write(line);
            }

            line = compressed.ToArray();
        }

        using var release = new CancellationTokenSource();
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task writer = Task.Run(async () =>
        {
            // Opening blocks until the run opens the FIFO to read. One line, then nothing: the writer stays open.
            await using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            await stream.WriteAsync(line);
            await stream.FlushAsync();
            opened.TrySetResult();
            await Task.Delay(Timeout.Infinite, release.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        });

        using var cancel = new CancellationTokenSource();
        TextSource source = TextSource.FromPaths(fifo);
        Task<MapReduceResult<string, int>> run = Task.Run(() => WordCountJob.RunAsync(source, new MapReduceOptions { MaxDegreeOfParallelism = 2 }, cancel.Token));
        try
        {
            await opened.Task.WaitAsync(TimeSpan.FromSeconds(30));

            // Let the run read the line and wait for more (if it is cancelled before, it ends as cancelled anyway).
            await Task.Delay(300);
            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            release.Cancel();
            await writer.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
