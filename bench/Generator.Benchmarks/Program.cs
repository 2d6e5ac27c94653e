using BenchmarkDotNet.Running;

namespace MapReduceGen.Generator.Benchmarks;

/// <summary>Runs the generator benchmarks: <c>dotnet run -c Release --project bench/Generator.Benchmarks</c>.</summary>
public static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args);
}
