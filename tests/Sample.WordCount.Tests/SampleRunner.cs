using System.Diagnostics;
using System.Text;

namespace Sample.WordCount.Tests;

/// <summary>
/// Runs Sample.WordCount: in process through <see cref="WordCountApp.Run"/> (fast, for the many output
/// checks), or as a real process (<c>dotnet Sample.WordCount.dll</c>, copied next to the tests by the
/// project reference) when exit codes and the separation of the two streams matter.
/// </summary>
internal static class SampleRunner
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs the program in this process with string writers for its two streams.</summary>
    public static RunOutcome InProcess(params string[] args) => InProcess(errorIsTerminal: false, args);

    /// <summary>Runs the program in this process, telling it whether standard error is a terminal.</summary>
    public static RunOutcome InProcess(bool errorIsTerminal, string[] args, long progressThreshold = WordCountApp.DefaultProgressThreshold)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        int exit = WordCountApp.Run(args, output, error, errorIsTerminal, progressThreshold);
        return new RunOutcome(exit, output.ToString(), error.ToString());
    }

    /// <summary>The built program, next to this test assembly.</summary>
    public static string ProgramPath { get; } =
        Path.Combine(AppContext.BaseDirectory, "Sample.WordCount.dll");

    /// <summary>
    /// The name the program calls itself in messages when run as <c>dotnet Sample.WordCount.dll</c>: the file the user
    /// runs (the native binary calls itself <c>Sample.WordCount</c>).
    /// </summary>
    public const string JitProgramName = "Sample.WordCount.dll";

    /// <summary>Runs <c>dotnet Sample.WordCount.dll ARGS</c> in <paramref name="workingDirectory"/> and waits for it.</summary>
    public static RunOutcome AsProcess(string workingDirectory, params string[] args) =>
        AsProcessWithInput(workingDirectory, standardInput: null, args);

    /// <summary>
    /// Runs <c>dotnet Sample.WordCount.dll ARGS</c> with <paramref name="standardInput"/> written to its standard input
    /// (a pipe), then closed.
    /// </summary>
    public static RunOutcome AsProcessWithInput(string workingDirectory, byte[]? standardInput, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        if (standardInput is not null)
        {
            process.StandardInput.BaseStream.Write(standardInput);
        }

        process.StandardInput.Close();
        return WaitFor(process, string.Join(' ', args));
    }

    /// <summary>
    /// Runs a <c>/bin/sh</c> script in <paramref name="workingDirectory"/> in which <c>$SAMPLE</c> runs the program
    /// (<c>exec $SAMPLE --tsv /dev/stdin &lt; a.txt</c>): for redirections the test process cannot make itself.
    /// </summary>
    public static RunOutcome InShell(string workingDirectory, string script)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["SAMPLE"] = $"{DotnetHost} {ProgramPath}";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("/bin/sh did not start");
        process.StandardInput.Close();
        return WaitFor(process, script);
    }

    /// <summary>Starts <c>dotnet Sample.WordCount.dll ARGS</c> with all three standard streams redirected.</summary>
    public static Process Start(string workingDirectory, params string[] args)
    {
        Assert.True(File.Exists(ProgramPath), $"the sample is not built next to the tests: {ProgramPath}");
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add(ProgramPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static RunOutcome WaitFor(Process process, string what)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ProcessTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"Sample.WordCount {what} did not finish within {ProcessTimeout}");
        }

        process.WaitForExit();
        return new RunOutcome(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>The dotnet host running these tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(host) && File.Exists(host))
            {
                return host;
            }

            var current = Environment.ProcessPath;
            if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
            {
                return current;
            }

            return "dotnet";
        }
    }
}
