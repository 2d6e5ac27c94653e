using System.Diagnostics;
using BenchmarkDotNet.Running;
using MapReduceGen.Benchmarks;

// dotnet run -c Release --project bench/micro/MapReduceGen.Benchmarks -- --filter '*'      BenchmarkDotNet suites
// dotnet run -c Release --project bench/micro/MapReduceGen.Benchmarks -- quick [ROUNDS] [numeric]  interleaved medians (noisy machines)
// dotnet run -c Release --project bench/micro/MapReduceGen.Benchmarks -- small [ROUNDS]    small jobs' CPU time against LINQ
// dotnet run -c Release --project bench/micro/MapReduceGen.Benchmarks -- generate OUT BYTES  write the Zipf text to a file
if (args.Length > 0 && args[0] == "generate")
{
    if (args.Length != 3 || !int.TryParse(args[2], out int bytes) || bytes <= 0)
    {
        Console.Error.WriteLine("usage: generate OUT BYTES");
        return 2;
    }

    File.WriteAllText(args[1], ZipfText.Generate(bytes, seed: 42));
    return 0;
}

if (args.Length == 4 && args[0] == "small-loop")
{
    SmallJobs.Loop(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

if (args.Length == 2 && args[0] == "small-once")
{
    return SmallJobs.Once(args[1]);
}

if (args.Length > 0 && args[0] == "numeric-cpu")
{
    SmallJobs.RunNumeric(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
    return 0;
}

if (args.Length > 0 && args[0] == "small")
{
    SmallJobs.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
    return 0;
}

if (args.Length > 0 && args[0] == "quick")
{
    QuickRunner.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15, args.Length > 2 ? args[2] : null);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(WordCountBenchmarks).Assembly).Run(args);
return 0;
