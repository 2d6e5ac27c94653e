using System.Collections.Concurrent;
using MapReduceGen.Runtime.Tests.Inputs;
using MapReduceGen.Runtime.Tests.Jobs;
using MapReduceGen.Runtime.Tests.Support;

namespace MapReduceGen.Runtime.Tests.Text;

/// <summary>
/// Jobs whose mapper takes a line run over files through the generated Run(TextSource): files, directories,
/// globs, many small files, one file in many splits, every line terminator, BOMs and invalid UTF-8, with the
/// same result as mapping the lines in memory.
/// </summary>
public sealed class TextRunTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Expected<string, int> WordReference(IEnumerable<string> lines) =>
        Reference.Fold(lines, l => PairCollector<string, int>.Collect(l, WordCountJob.Map), WordCountJob.Reduce);

    public static TheoryData<int, long, int> SingleFileCases()
    {
        var data = new TheoryData<int, long, int>();
        int terminator = 0;
        foreach (int workers in new[] { 1, 2, 3, 8 })
        {
            foreach (long splitBytes in new long[] { 0, 1, 7, 64, 1000 })
            {
                data.Add(workers, splitBytes, terminator++ % 3);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SingleFileCases))]
    public void OneFileInManySplits_EqualsTheInMemoryResult(int workers, long splitBytes, int terminator)
    {
        var random = new Random((workers * 100) + (int)splitBytes);
        string[] lines = TextFiles.RandomLines(random, 300);
        byte[] bytes = TextFiles.Encode(lines, TextFiles.Terminators[terminator], bom: workers % 2 == 0, finalTerminator: splitBytes % 2 == 0);
        string file = _dir.WriteFile("one.txt", bytes);
        var source = TextSource.FromPaths(file);
        source.SplitBytes = splitBytes;
        var options = new MapReduceOptions { MaxDegreeOfParallelism = workers, PartitionCount = (workers * 3) % 7 };

        MapReduceResult<string, int> result = WordCountJob.Run(source, options);

        ResultAssert.Matches(WordReference(lines), result, $"workers {workers}, split {splitBytes}");
        Assert.Equal(bytes.Length, result.Statistics.BytesRead);
        Assert.Equal(bytes.Length, source.TotalBytes);
    }

    [Fact]
    public void DirectoriesGlobsAndManySmallFiles_EqualTheInMemoryResult()
    {
        var random = new Random(5);
        var all = new List<string>();
        for (int i = 0; i < 250; i++)
        {
            string[] lines = TextFiles.RandomLines(random, random.Next(0, 6));
            all.AddRange(lines);
            string folder = i % 3 == 0 ? "deep/er" : i % 3 == 1 ? "deep" : "flat";
            string extension = i % 2 == 0 ? "txt" : "log";
            _dir.WriteFile($"{folder}/f{i:D3}.{extension}", TextFiles.Encode(lines, TextFiles.Terminators[i % 3], i % 5 == 0, i % 4 != 0));
        }

        var options = new MapReduceOptions { MaxDegreeOfParallelism = 4 };
        MapReduceResult<string, int> everything = WordCountJob.Run(TextSource.FromPaths(_dir.Path), options);
        ResultAssert.Matches(WordReference(all), everything, "whole directory");

        // Directories and globs that together cover each file once (files reached twice are read once).
        MapReduceResult<string, int> combined = WordCountJob.Run(
            TextSource.FromPaths(_dir.Combine("deep"), _dir.Combine("flat", "*.txt"), _dir.Combine("**", "*.log")), options);
        ResultAssert.Matches(WordReference(all), combined, "directory + globs");

        string[] txtOnly = [.. Directory.GetFiles(_dir.Path, "*.txt", SearchOption.AllDirectories)
            .SelectMany(f => TextTestData.ReferenceLines(File.ReadAllBytes(f)).Select(l => l.Line))];
        MapReduceResult<string, int> txt = WordCountJob.Run(TextSource.FromPaths(_dir.Combine("**", "*.txt")), options);
        ResultAssert.Matches(WordReference(txtOnly), txt, "txt glob");
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(4, 16)]
    public void GroupingJobOverText_EqualsTheInMemoryResult(int workers, long splitBytes)
    {
        string[] lines = TextFiles.RandomLines(new Random(9), 500);
        var source = TextSource.FromPaths(_dir.WriteFile("g.txt", TextFiles.Encode(lines, "\r\n", true, true)));
        source.SplitBytes = splitBytes;

        MapReduceResult<string, string> result = FirstWordJob.Run(source, new MapReduceOptions { MaxDegreeOfParallelism = workers });

        ResultAssert.Matches(Reference.Group(lines, FirstWordJob.Map, (k, v) => FirstWordJob.Reduce(k, v)), result, "group over text");
    }

    [Fact]
    public void EmptyFiles_GiveAnEmptyResult()
    {
        var source = TextSource.FromPaths(_dir.WriteFile("e1.txt", ""), _dir.WriteFile("e2.txt", "\uFEFF"));

        MapReduceResult<string, int> result = WordCountJob.Run(source);

        Assert.Empty(result);
        Assert.Equal(0, result.Statistics.InputsRead);
        Assert.Equal(3, result.Statistics.BytesRead);
    }

    [Fact]
    public void InvalidUtf8_IsReportedPerFileAndDecodedAsReplacementCharacters()
    {
        string good = _dir.WriteFile("good.txt", "fine words\n");
        string bad = _dir.WriteFile("bad.txt", [(byte)'o', (byte)'k', (byte)' ', 0xFF, (byte)'x', (byte)'\n', 0xC3, (byte)' ', (byte)'y', (byte)'\n']);
        var reported = new ConcurrentBag<string>();
        var source = TextSource.FromPaths(good, bad);
        source.InvalidUtf8Found = reported.Add;

        MapReduceResult<string, int> result = WordCountJob.Run(source, new MapReduceOptions { MaxDegreeOfParallelism = 2 });

        Assert.Equal([bad], reported.Distinct());
        Assert.Equal(1, result["\uFFFDx"]);
        Assert.Equal(1, result["\uFFFD"]);
        Assert.Equal(1, result["ok"]);
        Assert.Equal(1, result["y"]);
        Assert.Equal(1, result["fine"]);
    }

    [Fact]
    public void SplitStarted_IsCalledOncePerSplitWithTheWorkerIndex()
    {
        string[] lines = TextFiles.RandomLines(new Random(3), 200);
        string file = _dir.WriteFile("s.txt", TextFiles.Encode(lines, "\n", false, true));
        var source = TextSource.FromPaths(file, _dir.WriteFile("t.txt", "one two\n"));
        source.SplitBytes = 100;
        var started = new ConcurrentBag<(int Worker, TextSplit Split)>();
        source.SplitStarted = (worker, split) => started.Add((worker, split));

        WordCountJob.Run(source, new MapReduceOptions { MaxDegreeOfParallelism = 3 });

        IReadOnlyList<TextSplit> splits = source.CreateSplits(100);
        Assert.Equal(splits.OrderBy(s => s.FileIndex).ThenBy(s => s.Start), started.Select(s => s.Split).OrderBy(s => s.FileIndex).ThenBy(s => s.Start));
        Assert.All(started, s => Assert.InRange(s.Worker, 0, 2));
    }

    public static TheoryData<int, bool, long> LineNumberCases()
    {
        var data = new TheoryData<int, bool, long>();
        for (int terminator = 0; terminator < 3; terminator++)
        {
            foreach (bool bom in new[] { false, true })
            {
                foreach (long splitBytes in new long[] { 0, 50 })
                {
                    data.Add(terminator, bom, splitBytes);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LineNumberCases))]
    public async Task MapperThrowsOnALine_ErrorNamesFileAndOneBasedLine(int terminator, bool bom, long splitBytes)
    {
        string[] lines = [.. TextFiles.RandomLines(new Random(terminator), 80).Select(l => l.Replace("boom", "bam", StringComparison.Ordinal))];
        lines[57] = "before boom after";
        lines[56] = "";
        _dir.WriteFile("first.txt", "clean line\n");
        string file = _dir.WriteFile("second.txt", TextFiles.Encode(lines, TextFiles.Terminators[terminator], bom, true));
        var source = TextSource.FromPaths(_dir.Combine("first.txt"), file);
        source.SplitBytes = splitBytes;

        MapReduceException ex = await Bounded.Throws<MapReduceException>(
            () => BoomWordJob.Run(source, new MapReduceOptions { MaxDegreeOfParallelism = 2 }));

        Assert.Equal(MapReducePhase.Map, ex.Phase);
        Assert.Equal(file, ex.Path);
        Assert.Equal(58, ex.LineNumber);
        Assert.Equal(57, ex.InputIndex);
        Assert.Equal("before boom after", Assert.IsType<BadLineException>(ex.InnerException).Line);
        Assert.Contains("second.txt:58", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileDeletedAfterTheSourceWasCreated_FailsNamingTheFile()
    {
        string file = _dir.WriteFile("gone.txt", "a b\n");
        var source = TextSource.FromPaths(_dir.WriteFile("here.txt", "c\n"), file);
        File.Delete(file);

        MapReduceException ex = await Bounded.Throws<MapReduceException>(() => WordCountJob.Run(source));

        Assert.Equal(file, ex.Path);
        Assert.IsAssignableFrom<IOException>(ex.InnerException);
        Assert.Contains("gone.txt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsyncOverText_IsCancelledByItsToken()
    {
        string[] lines = TextFiles.RandomLines(new Random(1), 20_000);
        var source = TextSource.FromPaths(_dir.WriteFile("big.txt", TextFiles.Encode(lines, "\n", false, true)));
        source.SplitBytes = 4096;
        using var cts = new CancellationTokenSource();
        int splits = 0;
        source.SplitStarted = (_, _) =>
        {
            if (Interlocked.Increment(ref splits) == 3)
            {
                cts.Cancel();
            }
        };

        OperationCanceledException ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => WordCountJob.RunAsync(source, new MapReduceOptions { MaxDegreeOfParallelism = 2 }, cts.Token).WaitAsync(Bounded.Limit));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.True(splits < source.CreateSplits(4096).Count, "every split was read after cancellation");
    }
}
