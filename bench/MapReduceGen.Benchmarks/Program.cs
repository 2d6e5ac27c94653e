using System.Diagnostics;
using BenchmarkDotNet.Running;
using MapReduceGen.Benchmarks;

// dotnet run -c Release --project bench/MapReduceGen.Benchmarks -- --filter '*'      BenchmarkDotNet suites
// dotnet run -c Release --project bench/MapReduceGen.Benchmarks -- quick [ROUNDS]    interleaved medians (noisy machines)
// dotnet run -c Release --project bench/MapReduceGen.Benchmarks -- generate OUT BYTES  write the Zipf text to a file
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

if (args.Length > 0 && args[0] == "quick")
{
    QuickRunner.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(WordCountBenchmarks).Assembly).Run(args);
return 0;
