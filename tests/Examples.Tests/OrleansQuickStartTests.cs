using System.Diagnostics;

namespace MapReduceGen.Examples.Tests;

/// <summary>
/// The Orleans quick start is one complete program (examples/Orleans.QuickStart/Program.cs): the documents quote it as
/// it stands (and the test-cluster fixture they show), and it runs as a user runs it, a process of its own hosting a
/// one-silo cluster, printing the word count and none of Orleans's start-up chatter.
/// </summary>
public sealed class OrleansQuickStartTests
{
    [Theory]
    [InlineData("docs/distributed.md", "examples/Orleans.QuickStart/Program.cs", "quick start")]
    [InlineData("src/Orleans/PACKAGE.md", "examples/Orleans.QuickStart/Program.cs", "quick start")]
    [InlineData("docs/distributed.md", "tests/Examples.Tests/ExampleCluster.cs", "test cluster")]
    public void The_document_quotes_the_program_as_it_stands(string document, string program, string what)
    {
        string code = RepositoryFiles.ReadText(program).TrimEnd();
        string text = RepositoryFiles.ReadText(document);

        // The program is the csharp block right after the marker.
        string marker = $"<!-- {what}: {program} -->";
        int at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{document} has no '{marker}' before its {what}");
        int start = text.IndexOf("```csharp\n", at, StringComparison.Ordinal) + "```csharp\n".Length;
        int end = text.IndexOf("\n```", start, StringComparison.Ordinal);
        Assert.Equal(code, text[start..end].TrimEnd());
    }

    [Fact]
    public async Task The_quick_start_runs_a_one_process_cluster_and_prints_only_the_counts()
    {
        // Built with the solution next to its sources, in this test's own configuration (Release or Debug).
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        string dll = RepositoryFiles.PathOf($"examples/Orleans.QuickStart/bin/{configuration}/net10.0/Orleans.QuickStart.dll");
        Assert.True(File.Exists(dll), $"{dll} not built: build the solution first");

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        using var process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the quick start did not end within 3 minutes: " + await output);
        }

        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}: {await output}{await errors}");
        string[] lines = (await output).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

        // Its seven lines last: "the 3", then the other words with 1, ties by word (the README's job).
        Assert.Equal(["the 3", "brown 1", "dog 1", "end 1", "fox 1", "lazy 1", "quick 1"], lines[^7..]);

        // Quiet: no information lines from Orleans (a warning a loaded machine causes, such as the watchdog's, may pass).
        Assert.DoesNotContain(lines, line => line.StartsWith("info:", StringComparison.Ordinal));
    }
}
