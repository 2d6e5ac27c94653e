using System.Diagnostics;
using MapReduceGen.Runtime.Tests.Jobs;

namespace MapReduceGen.Runtime.Tests.Inputs;

/// <summary>
/// A file whose name is not valid UTF-8 reaches .NET with U+FFFD in place of its bad bytes, so it cannot be opened. Met
/// inside a directory or by a pattern, it is an error that names it when the source is made, never a file skipped
/// without a word (its words would be missing from the result).
/// </summary>
public sealed class NonUtf8NameTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public NonUtf8NameTests()
    {
        _directory.WriteFile("d/ok.txt", "good\n");

        // .NET cannot make such a name; the shell can (printf turns \377 into the byte 0xFF).
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("printf 'hello\\n' > \"$1/$(printf '\\377').txt\"");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(_directory.Combine("d"));
        using Process shell = Process.Start(start)!;
        shell.WaitForExit();
        Assert.Equal(0, shell.ExitCode);
        Assert.Equal(2, Directory.GetFiles(_directory.Combine("d")).Length);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_directory_holding_a_file_with_such_a_name_is_an_error_naming_it()
    {
        var error = Assert.Throws<TextSourceException>(() => TextSource.FromPaths(_directory.Combine("d")));

        string shown = _directory.Combine("d", "\uFFFD.txt");
        Assert.Equal(shown, error.Path);
        Assert.Contains($"cannot read '{shown}': its name is not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_matching_such_a_name_is_an_error_too()
    {
        var error = Assert.Throws<TextSourceException>(() => TextSource.FromPaths(_directory.Combine("d", "*.txt")));

        Assert.Contains("its name is not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_that_does_not_match_such_a_name_is_read_as_usual()
    {
        MapReduceResult<string, int> counts = WordCountJob.Run(TextSource.FromPaths(_directory.Combine("d", "o*.txt")));

        Assert.Equal(1, counts["good"]);
    }
}
