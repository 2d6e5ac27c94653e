namespace MapReduceGen.Runtime.Tests.Inputs;

public sealed class TextSourceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public TextSourceTests()
    {
        _temp.WriteFile("data/a.txt", "a\n");
        _temp.WriteFile("data/b.log", "bb\n");
        _temp.WriteFile("data/sub/c.txt", "ccc\n");
        _temp.WriteFile("data/sub/d.log", "dddd\n");
        _temp.WriteFile("data/sub/deeper/e.log", "eeeee\n");
        _temp.WriteFile("data/sub/deeper/.hidden", "h\n");
        _temp.WriteFile("data/Z.txt", "z\n");
        _temp.WriteFile("data/empty.txt", "");
        Directory.CreateDirectory(_temp.Combine("data/nothing/here"));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Directory_IsRecursed_SortedOrdinally()
    {
        var source = TextSource.FromPaths(_temp.Combine("data"));
        Assert.Equal(
            Rel("data/Z.txt", "data/a.txt", "data/b.log", "data/empty.txt", "data/sub/c.txt", "data/sub/d.log", "data/sub/deeper/.hidden", "data/sub/deeper/e.log"),
            source.Files);
        Assert.Equal(2 + 3 + 4 + 5 + 6 + 2 + 2 + 0, source.TotalBytes);
        Assert.Equal(source.Files.Select(f => new FileInfo(f).Length), source.FileLengths);
    }

    [Fact]
    public void Glob_StarMatchesWithinOneDirectory()
    {
        Assert.Equal(Rel("data/Z.txt", "data/a.txt", "data/empty.txt"), TextSource.FromPaths(_temp.Combine("data/*.txt")).Files);
        Assert.Equal(Rel("data/sub/c.txt"), TextSource.FromPaths(_temp.Combine("data/s?b/*.txt")).Files);
        Assert.Equal(Rel("data/sub/c.txt", "data/sub/d.log"), TextSource.FromPaths(_temp.Combine("data/*/?.*")).Files);
        Assert.Equal(Rel("data/Z.txt", "data/a.txt"), TextSource.FromPaths(_temp.Combine("data/?.txt")).Files);
    }

    [Fact]
    public void Glob_MatchedDirectory_GivesAllItsFiles()
    {
        Assert.Equal(
            Rel("data/sub/c.txt", "data/sub/d.log", "data/sub/deeper/.hidden", "data/sub/deeper/e.log"),
            TextSource.FromPaths(_temp.Combine("data/s*")).Files);
        Assert.Equal(
            Rel("data/sub/deeper/.hidden", "data/sub/deeper/e.log"),
            TextSource.FromPaths(_temp.Combine("data/*/deeper")).Files);
    }

    [Fact]
    public void Glob_DoubleStarMatchesAnyDepth()
    {
        Assert.Equal(
            Rel("data/b.log", "data/sub/d.log", "data/sub/deeper/e.log"),
            TextSource.FromPaths(_temp.Combine("data/**/*.log")).Files);
        Assert.Equal(
            Rel("data/sub/d.log", "data/sub/deeper/e.log"),
            TextSource.FromPaths(_temp.Combine("data/sub/**/*.log")).Files);
        Assert.Equal(
            TextSource.FromPaths(_temp.Combine("data")).Files,
            TextSource.FromPaths(_temp.Combine("data/**")).Files);
        Assert.Equal(Rel("data/sub/deeper/e.log"), TextSource.FromPaths(_temp.Combine("data/**/deeper/**/e.*")).Files);
    }

    [Fact]
    public void RelativeGlob_GivesRelativePaths()
    {
        // Relative to the current directory, without changing it (that is process-wide).
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, _temp.Combine("data"));
        Assert.False(Path.IsPathRooted(relative));
        Assert.Equal(
            [Path.Join(relative, "Z.txt"), Path.Join(relative, "a.txt"), Path.Join(relative, "empty.txt")],
            TextSource.FromPaths(relative + "/*.txt").Files);
        Assert.Equal(
            [Path.Join(relative, "sub", "d.log"), Path.Join(relative, "sub", "deeper", "e.log")],
            TextSource.FromPaths(relative + "/sub/**/*.log").Files);
    }

    [Fact]
    public void Paths_KeepTheirOrder_AndAFileIsReadOnce()
    {
        var source = TextSource.FromPaths([_temp.Combine("data/sub/c.txt"), _temp.Combine("data/*.txt"), _temp.Combine("data/sub")]);
        Assert.Equal(
            Rel("data/sub/c.txt", "data/Z.txt", "data/a.txt", "data/empty.txt", "data/sub/d.log", "data/sub/deeper/.hidden", "data/sub/deeper/e.log"),
            source.Files);
    }

    [Fact]
    public void MissingPath_Throws_NamingThePath()
    {
        string path = _temp.Combine("data/missing.txt");
        var error = Assert.Throws<TextSourceException>(() => TextSource.FromPaths(_temp.Combine("data/a.txt"), path));
        Assert.Equal($"no such file or directory: '{path}'", error.Message);
        Assert.Equal(path, error.Path);
        Assert.IsAssignableFrom<IOException>(error);
        Assert.Throws<TextSourceException>(() => TextSource.FromFiles(path));
        string directory = _temp.Combine("data");
        Assert.Equal($"is a directory, not a file: '{directory}'", Assert.Throws<TextSourceException>(() => TextSource.FromFiles(directory)).Message);
    }

    [Fact]
    public void GlobMatchingNothing_Throws_NamingThePattern()
    {
        foreach (string pattern in new[] { _temp.Combine("data/*.csv"), _temp.Combine("nowhere/*.txt"), _temp.Combine("data/**/x?z") })
        {
            var error = Assert.Throws<TextSourceException>(() => TextSource.FromPaths(pattern));
            Assert.Equal($"no files match the pattern: '{pattern}'", error.Message);
        }
    }

    [Fact]
    public void DirectoryWithoutFiles_Throws_NamingIt()
    {
        string path = _temp.Combine("data/nothing");
        var error = Assert.Throws<TextSourceException>(() => TextSource.FromPaths(path));
        Assert.Equal($"directory contains no files: '{path}'", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void NoPaths_Throws()
    {
        Assert.Throws<ArgumentException>(() => TextSource.FromPaths());
    }

    [Fact]
    public void DirectorySymlinkCycle_IsNotFollowed()
    {
        string root = _temp.Combine("cycle");
        _temp.WriteFile("cycle/f.txt", "f\n");
        try
        {
            Directory.CreateSymbolicLink(Path.Join(root, "loop"), root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // symbolic links not permitted here
        }

        Assert.Equal(Rel("cycle/f.txt"), TextSource.FromPaths(root).Files);
        Assert.Equal(Rel("cycle/f.txt"), TextSource.FromPaths(_temp.Combine("cycle/**/*.txt")).Files);
    }

    [Fact]
    public void CreateSplits_CoverEachFileContiguously_InEvenParts()
    {
        _temp.WriteFile("sizes/zero.txt", "");
        _temp.WriteFile("sizes/small.txt", "12345");
        _temp.WriteFile("sizes/big.txt", new string('x', 1000));
        var source = TextSource.FromPaths(_temp.Combine("sizes"));
        Assert.Equal(Rel("sizes/big.txt", "sizes/small.txt", "sizes/zero.txt"), source.Files);

        var splits = source.CreateSplits(300);
        Assert.Equal([250, 250, 250, 250, 5, 0], splits.Select(s => s.Length));
        Assert.Equal([0, 0, 0, 0, 1, 2], splits.Select(s => s.FileIndex));
        Assert.Equal([true, false, false, false, true, true], splits.Select(s => s.IsFirstSplitOfFile));
        Assert.Equal(source.Files[0], splits[0].Path);
        for (int i = 1; i < 4; i++)
        {
            Assert.Equal(splits[i - 1].End, splits[i].Start);
        }

        Assert.Single(source.CreateSplits(TextSource.DefaultTargetSplitBytes), s => s.FileIndex == 0);
        Assert.Equal(1005, source.CreateSplits(1).Count - 1);
        Assert.Equal([333, 333, 334], source.CreateSplits(400).Where(s => s.FileIndex == 0).Select(s => s.Length));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.CreateSplits(0));
    }

    [Fact]
    public void CountLineNumber_StreamsAcrossBuffers()
    {
        // 200,000 lines with mixed terminators, so that "\r\n" pairs straddle the 64 KiB reads.
        var builder = new System.Text.StringBuilder();
        var starts = new List<long>();
        string[] terminators = ["\n", "\r\n", "\r"];
        for (int i = 0; i < 200_000; i++)
        {
            starts.Add(builder.Length);
            builder.Append(i % 10).Append(terminators[i % 3]);
        }

        string path = _temp.WriteFile("many.txt", builder.ToString());
        foreach (int line in new[] { 0, 1, 2, 3, 21_844, 21_845, 21_846, 100_000, 199_999 })
        {
            Assert.Equal(line + 1, TextSource.CountLineNumber(path, starts[line]));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => TextSource.CountLineNumber(path, builder.Length + 1));
    }

    private string[] Rel(params string[] relative) => [.. relative.Select(r => _temp.Combine(r))];
}
