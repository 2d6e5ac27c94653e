using System.Runtime.InteropServices;
using System.Text;
using Sample.WordCount;

// Sample.WordCount: the seed's word count on MapReduceGen. See README.md (also the text it counts by default).
// Results go to standard output with "\n" line ends and no byte order mark; everything else to standard error.
// (When the reader of standard output goes away, as with `| head`, .NET's console stream drops the rest.)
// The writer is not disposed: WordCountApp flushes it and reports a failure to write (a full disk) itself, so nothing
// is left to write at exit.
var programName = CommandLine.ProgramNameOf(Environment.ProcessPath, Environment.GetCommandLineArgs().FirstOrDefault());
Stream standardOutput;
try
{
    standardOutput = Console.OpenStandardOutput();
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    // Standard output is closed (>&-; the native binary notices it here, the JIT program at the first write).
    return WordCountApp.CannotWriteOutput(Console.Error, programName, e);
}

var output = new StreamWriter(standardOutput, new UTF8Encoding(false), 1 << 16);

// Ctrl+C (SIGINT) cancels the run through its token; the program then exits 130 with nothing on standard output.
// A second Ctrl+C ends the process at once, as if the program had not handled the first.
using var interrupted = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = !interrupted.IsCancellationRequested;
    interrupted.Cancel();
});

var host = new AppHost
{
    ProgramName = programName,
    ErrorIsTerminal = !Console.IsErrorRedirected,
    Cancellation = interrupted.Token,
};
return WordCountApp.Run(args, output, Console.Error, host);
