using System.Text;
using Sample.WordCount;

// Sample.WordCount: the seed's word count on MapReduceGen. See README.md (also the text it counts by default).
// Results go to standard output with "\n" line ends and no byte order mark; everything else to standard error.
var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
try
{
    int status = WordCountApp.Run(args, output, Console.Error, errorIsTerminal: !Console.IsErrorRedirected);
    output.Dispose();
    return status;
}
catch (IOException ex) when (IsBrokenPipe(ex))
{
    // Whoever read standard output went away (for example `| head`): there is no one left to tell.
    return 1;
}

// EPIPE is 32 on Linux and macOS; .NET puts the errno in HResult.
static bool IsBrokenPipe(IOException ex) =>
    ex.HResult == 32 || ex.Message.Contains("broken pipe", StringComparison.OrdinalIgnoreCase);
