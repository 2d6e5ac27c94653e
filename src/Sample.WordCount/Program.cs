using System.Text;
using Sample.WordCount;

// Sample.WordCount: the seed's word count on MapReduceGen. See README.md (also the text it counts by default).
// Results go to standard output with "\n" line ends and no byte order mark; everything else to standard error.
// (When the reader of standard output goes away, as with `| head`, .NET's console stream drops the rest.)
using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
return WordCountApp.Run(args, output, Console.Error, errorIsTerminal: !Console.IsErrorRedirected);
